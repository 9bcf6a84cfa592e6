import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/useTestApp.js';
import { HOUR } from './support/api.js';

interface Opinion { id: string; text: string; createdAt: number }
interface TicketHint { id: string; number: string; score: number; reasons: string[] }
interface Recommendations {
  duplicates: TicketHint[]; history: TicketHint[];
  items: { item: string; name: string }[]; knowledge: { id: string; title: string; matched: string[] }[];
}

describe.each(['sqlite', 'mariadb'] as const)('ACC-1/ACC-2 registration aids on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  /** Any method, with the user's session (Api.request knows GET and POST only). */
  async function call(login: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
    const token = await api.token(login);
    return app.server.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  }
  const opinions = async (login: string) => ((await call(login, 'GET', '/api/opinions')).json() as { opinions: Opinion[] }).opinions.map((o) => o.text);
  const code = (res: { json(): unknown }) => (res.json() as { code: string }).code;

  it('ACC-1 common opinions: save, list newest first, no duplicates, delete; each user has their own', async () => {
    const first = await call('zjg.acceptor', 'POST', '/api/opinions', { text: '请属地单位尽快核实处理' });
    expect(first.statusCode, first.body).toBe(201);
    app.now += 1000;
    expect((await call('zjg.acceptor', 'POST', '/api/opinions', { text: '已电话联系诉求人' })).statusCode).toBe(201);
    expect(await opinions('zjg.acceptor')).toEqual(['已电话联系诉求人', '请属地单位尽快核实处理']);

    const again = await call('zjg.acceptor', 'POST', '/api/opinions', { text: '  请属地单位尽快核实处理 ' });
    expect([again.statusCode, code(again)]).toEqual([409, 'TG_ERR_OPINION_DUPLICATE']);
    for (const text of ['', '   ', 'x'.repeat(2001)]) {
      const bad = await call('zjg.acceptor', 'POST', '/api/opinions', { text });
      expect([bad.statusCode, code(bad)]).toEqual([400, 'TG_ERR_VALIDATION']);
    }
    app.now += 1000;
    expect((await call('zjg.acceptor', 'POST', '/api/opinions', { text: 'x'.repeat(2000) })).statusCode).toBe(201);

    // another user: the same text is theirs to save, and they see and delete only their own
    expect((await call('ys.acceptor', 'POST', '/api/opinions', { text: '请属地单位尽快核实处理' })).statusCode).toBe(201);
    expect(await opinions('ys.acceptor')).toEqual(['请属地单位尽快核实处理']);
    const id = (first.json() as Opinion).id;
    const foreign = await call('ys.acceptor', 'DELETE', `/api/opinions/${id}`);
    expect([foreign.statusCode, code(foreign)]).toEqual([404, 'TG_ERR_NOT_FOUND']);
    expect((await call('zjg.acceptor', 'DELETE', `/api/opinions/${id}`)).statusCode).toBe(204);
    expect(await opinions('zjg.acceptor')).toEqual(['x'.repeat(2000), '已电话联系诉求人']);
    expect(await opinions('ys.acceptor')).toEqual(['请属地单位尽快核实处理']);
  });

  it('ACC-1 a known phone fills the last report\'s reporter; only acceptors may look it up', async () => {
    const reporter = (name: string, extra: Record<string, unknown> = {}) => ({ reporterName: name, reporterPhone: '13900001111', ...extra });
    await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', fields: reporter('李四', { reporterGender: '男' }) });
    app.now += HOUR;
    const last = await api.register('zjg.acceptor', 'acc.toDispatch', {
      item: 'item.wzgg',
      fields: reporter('王五', { reporterGender: '女', reporterBirthDate: '1980-05-01', reporterAddress: '张家港市杨舍镇', reporterDetailAddress: '东桥新村 3 幢 201 室' }),
    });
    expect(await app.services.knex('reporters').where({ ticket_id: last.id }).first()).toMatchObject({ phone: '13900001111', name: '王五' });

    const found = await api.request('ys.acceptor', 'GET', '/api/reporters/lookup?phone=13900001111');
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toEqual({
      reporter: { phone: '13900001111', name: '王五', gender: '女', birthDate: '1980-05-01', address: '张家港市杨舍镇', detailAddress: '东桥新村 3 幢 201 室', reportedAt: app.now },
    });
    expect((await api.request('zjg.acceptor', 'GET', '/api/reporters/lookup?phone=13700000000')).json()).toEqual({ reporter: null });
    const handler = await api.request('zjg.cgj.handler', 'GET', '/api/reporters/lookup?phone=13900001111');
    expect([handler.statusCode, code(handler)]).toEqual([403, 'TG_ERR_FORBIDDEN']);
    expect((await api.request('zjg.acceptor', 'GET', '/api/reporters/lookup?phone=abc')).statusCode).toBe(400);
  });

  it('ACC-2 recommendations: a duplicate by phone and grid, history by text, 暴露垃圾 suggested, knowledge by keyword', async () => {
    const garbage = { title: '东桥路垃圾堆放无人清运', fields: { reporterPhone: '13911112222', title: '东桥路垃圾堆放无人清运', description: '东桥路 88 号门口暴露垃圾堆放多日，气味难闻' } };
    const earlier = await api.register('ys.acceptor', 'acc.toDispatch', { item: 'item.bllj', grid: 'g.ys.dq.01', ...garbage });
    // a similar case in another grid from another phone: history, not a duplicate
    const elsewhere = await api.register('ys.acceptor', 'acc.toDispatch', {
      item: 'item.bllj', grid: 'g.ys.xm.01', title: '东桥路垃圾堆放无人清运', fields: { ...garbage.fields, reporterPhone: '13922223333', grid: 'g.ys.xm.01' },
    });
    app.now += HOUR;

    const body = { domain: 'linkage', title: '东桥路垃圾没人清运', description: '东桥路 88 号门口暴露垃圾堆了好几天', phone: '13911112222', grid: 'g.ys.dq.01', channel: 'phone' };
    const res = await api.request('ys.acceptor', 'POST', '/api/tickets/recommendations', body);
    expect(res.statusCode, res.body).toBe(200);
    const rec = res.json() as Recommendations;
    expect(rec.duplicates[0]).toMatchObject({ id: earlier.id, number: earlier.number, reasons: expect.arrayContaining(['phone', 'grid']) });
    expect(rec.duplicates.map((d) => d.id)).not.toContain(elsewhere.id);
    expect(rec.history.map((h) => h.id)).toContain(elsewhere.id);
    expect(rec.history.map((h) => h.id)).not.toContain(earlier.id);
    expect(rec.items[0]).toMatchObject({ item: 'item.bllj', name: '暴露垃圾' });
    expect(rec.knowledge[0]).toMatchObject({ id: 'kb.hjws.bllj', matched: expect.arrayContaining(['垃圾', '暴露垃圾']) });
    // no reporter data in the hints
    expect(JSON.stringify(rec)).not.toContain('13911112222');

    // another center (张家港 is above 杨舍镇, so it sees it; 凤凰镇 does not)
    const fh = (await api.request('fh.acceptor', 'POST', '/api/tickets/recommendations', body)).json() as Recommendations;
    expect([...fh.duplicates, ...fh.history].map((d) => d.id)).toEqual([]);
    const zjg = (await api.request('zjg.acceptor', 'POST', '/api/tickets/recommendations', body)).json() as Recommendations;
    expect(zjg.duplicates.map((d) => d.id)).toContain(earlier.id);

    const manhole = await api.request('ys.acceptor', 'POST', '/api/tickets/recommendations', { domain: 'linkage', title: '人行道井盖缺失', description: '华昌路公交站旁窨井盖不见了，很危险' });
    const mrec = manhole.json() as Recommendations;
    expect(mrec.knowledge[0]).toMatchObject({ id: 'kb.dlql.jinggai' });
    expect(mrec.items[0]?.item).toBe('item.jgqs');
    expect(mrec.duplicates).toEqual([]);

    const handler = await api.request('ys.cgzd.handler', 'POST', '/api/tickets/recommendations', body);
    expect([handler.statusCode, code(handler)]).toEqual([403, 'TG_ERR_FORBIDDEN']);
    const unknown = await api.request('ys.acceptor', 'POST', '/api/tickets/recommendations', { ...body, domain: 'nope' });
    expect([unknown.statusCode, code(unknown)]).toEqual([400, 'TG_ERR_VALIDATION']);
  });

  it('ACC-2 knowledge base: seeded on first start, read by everyone, written by administrators', async () => {
    const list = await api.request('zjg.cgj.handler', 'GET', '/api/knowledge');
    const articles = (list.json() as { articles: { id: string; topic: string }[] }).articles;
    expect(articles.length).toBeGreaterThanOrEqual(10);
    const byKeyword = (await api.request('zjg.acceptor', 'GET', `/api/knowledge?q=${encodeURIComponent('井盖')}`)).json() as { articles: { id: string }[] };
    expect(byKeyword.articles.map((a) => a.id)).toEqual(['kb.dlql.jinggai']);

    const article = { topic: '环境卫生', title: '道路油污清洗处置', body: '接报后环卫单位 2 小时内到场清洗。', keywords: ['油污', '撒漏'] };
    const refused = await call('zjg.acceptor', 'POST', '/api/knowledge', article);
    expect([refused.statusCode, code(refused)]).toEqual([403, 'TG_ERR_FORBIDDEN']);
    const created = await call('sz.admin', 'POST', '/api/knowledge', article);
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    expect((await api.request('zjg.acceptor', 'GET', `/api/knowledge/${id}`)).json()).toMatchObject({ ...article, enabled: true });

    const disabled = await call('sz.admin', 'PUT', `/api/knowledge/${id}`, { ...article, enabled: false });
    expect(disabled.json()).toMatchObject({ id, enabled: false });
    expect((await api.request('zjg.acceptor', 'GET', `/api/knowledge/${id}`)).statusCode).toBe(404);
    expect((await api.request('sz.admin', 'GET', `/api/knowledge/${id}`)).statusCode).toBe(200);
    const rec = (await api.request('zjg.acceptor', 'POST', '/api/tickets/recommendations', { domain: 'linkage', title: '道路油污', description: '路面大片油污撒漏' })).json() as Recommendations;
    expect(rec.knowledge.map((k) => k.id)).not.toContain(id);
    expect((await call('sz.admin', 'PUT', '/api/knowledge/no-such-article', article)).statusCode).toBe(404);
  });
});
