import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { Api, type ErrorBody } from './support/api.js';
import { sheet, upload } from './support/orgApi.js';
import { useTestApp } from './support/useTestApp.js';

const task = Api.task;
const TABLES = ['tickets', 'tasks', 'applications', 'history', 'outbox', 'attachments', 'users', 'departments', 'messages'] as const;
const FH = '江苏省-苏州市-张家港市-凤凰镇';

/**
 * Bad input over HTTP (issue 3 §4): schema violations, stale versions, another role's action, another
 * department's ticket, oversize and disguised uploads, malformed spreadsheets and unknown buttons are
 * each refused with a stable 4xx code, and the database is exactly as before.
 */
describe.each(['sqlite', 'mariadb'] as const)('bad input is refused with a clear 4xx and changes nothing on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  /** Row counts of every table a request could write to. */
  async function snapshot(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = Number((await app.services.knex(table).count({ n: '*' }))[0]!.n);
    return counts;
  }

  /** Sends a request that must be refused with `status` and `code`; no table may change. */
  async function rejects(status: number, code: string, send: () => Promise<LightMyRequestResponse>): Promise<ErrorBody> {
    const before = await snapshot();
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json() as ErrorBody;
    expect(body).toMatchObject({ code, message: expect.any(String), messageZh: expect.any(String) });
    expect(await snapshot()).toEqual(before);
    return body;
  }

  const post = (login: string, url: string, payload: unknown) => () => api.request(login, 'POST', url, payload);
  const get = (login: string, url: string) => () => api.request(login, 'GET', url);

  /** 违规设置户外广告 at 张家港, 城管局 main and 生态环境局 assist. */
  async function handling() {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    const d = await api.detail('zjg.cgj.handler', t.id);
    return { t, cgj: task(d, 'zjg.cgj').id, sthj: task(d, 'zjg.sthj').id };
  }

  it('ACC-1/DEF-14 schema violations of a registration: 400 naming the field, and no ticket', async () => {
    const good = api.registration('acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    const missing = await rejects(400, 'TG_ERR_VALIDATION', post('zjg.acceptor', '/api/tickets', { ...good, fields: { ...good.fields, title: undefined, reporterPhone: 'abc' } }));
    expect((missing.details as { fields: { pointer: string }[] }).fields.map((f) => f.pointer).sort()).toEqual(['/reporterPhone', '/title']);
    const { title: _title, ...noTitle } = good;
    await rejects(400, 'TG_ERR_VALIDATION', post('zjg.acceptor', '/api/tickets', noTitle));
    await rejects(400, 'TG_ERR_VALIDATION', post('zjg.acceptor', '/api/tickets', { ...good, urgency: 'whenever' }));
    await rejects(400, 'TG_ERR_VALIDATION', post('zjg.acceptor', '/api/tickets', { ...good, sneaky: true }));
    await rejects(400, 'TG_ERR_VALIDATION', post('zjg.acceptor', '/api/tickets', { ...good, item: 'item.nowhere', fields: { ...good.fields, item: 'item.nowhere' } }));
    await rejects(400, 'TG_ERR_VALIDATION', post('zjg.acceptor', '/api/tickets', { ...good, grid: 'g.nowhere', fields: { ...good.fields, grid: 'g.nowhere' } }));
    // 暴露垃圾's personalised form requires its own fields (DEF-14)
    const garbage = api.registration('acc.toDispatch', { item: 'item.bllj' }, '送分拨');
    const personal = await rejects(400, 'TG_ERR_VALIDATION', post('zjg.acceptor', '/api/tickets', { ...garbage, fields: { ...garbage.fields, garbageType: undefined } }));
    expect((personal.details as { fields: { pointer: string }[] }).fields.map((f) => f.pointer)).toEqual(['/garbageType']);
    await rejects(415, 'TG_ERR_VALIDATION', post('zjg.acceptor', '/api/tickets', 'not json at all'));
    await rejects(400, 'TG_ERR_VALIDATION', async () => app.server.inject({
      method: 'POST', url: '/api/tickets', payload: '{"domain": "linkage", "title": ',
      headers: { authorization: `Bearer ${await api.token('zjg.acceptor')}`, 'content-type': 'application/json' },
    }));
  });

  it('HND-1 schema violations of an action: the body and the button\'s payload, 400 with the pointer', async () => {
    const { t, cgj } = await handling();
    const url = `/api/tickets/${t.id}/actions`;
    const before = await api.stored(t.id);
    const pointer = async (body: unknown) => ((await rejects(400, 'TG_ERR_VALIDATION', post('zjg.cgj.handler', url, body))).details as { pointer: string }[])[0]?.pointer;
    expect(await pointer({ button: 'task.feedback', version: 'seven' })).toBe('/version');
    expect(await pointer({ button: 'task.feedback', target: { kind: 'ticket-ish', id: cgj } })).toBe('/target/kind');
    expect(await pointer({ target: { kind: 'task', id: cgj } })).toBe('/');
    await rejects(400, 'TG_ERR_VALIDATION', post('zjg.cgj.handler', url, { button: 'task.feedback', sneaky: true }));
    await rejects(400, 'TG_ERR_VALIDATION', post('zjg.cgj.handler', url, { button: 'task.feedback', opinion: 'x'.repeat(100_000) }));
    // the button's own payload (engine: ENG_INVALID_PAYLOAD) and a missing opinion (ENG_OPINION_REQUIRED)
    const zero = await api.refused('zjg.cgj.handler', t.id, 400, 'TG_ERR_VALIDATION', 'task.applyExtension', { task: cgj }, '延期', { amount: 0, unit: 'workDay' });
    expect(zero.details).toMatchObject({ engineCode: 'ENG_INVALID_PAYLOAD' });
    await api.refused('zjg.cgj.handler', t.id, 400, 'TG_ERR_VALIDATION', 'task.applyExtension', { task: cgj }, '延期', { amount: 1, unit: 'fortnight' });
    await api.refused('zjg.cgj.handler', t.id, 400, 'TG_ERR_VALIDATION', 'task.applyTransfer', { task: cgj }, '转派', {});
    const opinion = await api.refused('zjg.cgj.handler', t.id, 400, 'TG_ERR_VALIDATION', 'task.complete', { task: cgj }, '   ');
    expect(opinion.details).toMatchObject({ engineCode: 'ENG_OPINION_REQUIRED' });
    expect(opinion.message).toMatch(/^Invalid request: An opinion is required/);
    expect(opinion.messageZh).toMatch(/^请求参数不正确：/);
    expect(await api.stored(t.id)).toEqual(before);
  });

  it('DESIGN-4 stale versions: 409 for a version behind or ahead; the current one goes through once', async () => {
    const { t, cgj } = await handling();
    const before = await api.stored(t.id);
    await api.refused('zjg.cgj.handler', t.id, 409, 'TG_ERR_STALE_VERSION', 'task.feedback', { task: cgj }, '反馈', undefined, before.version - 1);
    await api.refused('zjg.cgj.handler', t.id, 409, 'TG_ERR_STALE_VERSION', 'task.feedback', { task: cgj }, '反馈', undefined, before.version + 1);
    const ok = await api.attempt('zjg.cgj.handler', t.id, 'task.feedback', { task: cgj }, '已到现场', undefined, before.version);
    expect(ok.statusCode, ok.body).toBe(200);
    // the same version again is now stale
    await api.refused('zjg.cgj.handler', t.id, 409, 'TG_ERR_STALE_VERSION', 'task.feedback', { task: cgj }, '再反馈', undefined, before.version);
    expect(await api.stored(t.id)).toMatchObject({ version: before.version + 1, history: before.history + 1 });
  });

  it('ORG-2 an action another role owns: 403 TG_ERR_FORBIDDEN naming the role, at registration too', async () => {
    const { t, cgj } = await handling();
    const dispatcher = await api.refused('zjg.acceptor', t.id, 403, 'TG_ERR_FORBIDDEN', 'dsp.addDispatch', undefined, '加派', { handling: 'mainAssist', main: 'zjg.zjj' });
    expect(dispatcher.details).toMatchObject({ engineCode: 'ENG_FORBIDDEN_ROLE' });
    // each language in its own field
    expect(dispatcher.messageZh).toMatch(/^无权执行此操作：需要/);
    expect(dispatcher.message).toMatch(/^Not allowed: Role .* is required\.$/);
    await api.refused('zjg.dispatcher', t.id, 403, 'TG_ERR_FORBIDDEN', 'task.complete', { task: cgj }, '办结');
    await api.act('zjg.cgj.handler', t.id, 'task.complete', { task: cgj }, '已处理');
    const result = Api.application(await api.detail('zjg.reviewer', t.id), 'result').id;
    await api.refused('zjg.cgj.handler', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.approve', { application: result });
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.approve', { application: result });
    await rejects(403, 'TG_ERR_FORBIDDEN', post('zjg.cgj.handler', '/api/tickets', api.registration('acc.toDispatch', { item: 'item.wzgg' }, '送分拨')));
    await rejects(403, 'TG_ERR_FORBIDDEN', post('zjg.acceptor', '/api/tickets', api.registration('grid.report', { item: 'item.wzgg' }, '网格上报')));
  });

  it('X-3 another department\'s or center\'s ticket: 403 TG_ERR_OUT_OF_SCOPE to read and to act, and it is not listed', async () => {
    const { t, cgj, sthj } = await handling();
    await rejects(403, 'TG_ERR_OUT_OF_SCOPE', get('zjg.swj.handler', `/api/tickets/${t.id}`));
    await rejects(403, 'TG_ERR_OUT_OF_SCOPE', get('ys.acceptor', `/api/tickets/${t.id}`));
    await rejects(403, 'TG_ERR_OUT_OF_SCOPE', get('zjg.swj.handler', `/api/tickets/${t.id}/export.docx`));
    await api.refused('zjg.swj.handler', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'task.complete', { task: cgj }, '办结');
    await api.refused('zjg.sthj.handler', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'task.complete', { task: cgj }, '办结');
    await api.refused('zjg.cgj.handler', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'task.feedback', { task: sthj }, '反馈');
    await api.refused('ys.dispatcher', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'dsp.addDispatch', undefined, '加派', { handling: 'mainAssist', main: 'zjg.zjj' });
    await api.refused('ys.acceptor', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'ticket.urge', undefined, '催办');
    expect((await api.list('zjg.swj.handler', 'view.hnd.tasks', 'pending')).rows.filter((r) => r.ticketId === t.id)).toEqual([]);
    expect(await api.listed('ys.dispatcher', 'view.dsp.query', 'all')).not.toContain(t.id);
    // a task id of another ticket is not found on this one
    const other = await handling();
    await api.refused('zjg.cgj.handler', t.id, 404, 'TG_ERR_NOT_FOUND', 'task.feedback', { task: other.cgj }, '反馈');
  });

  it('ACC-1 oversize and disguised uploads: 413 and 400 with stable codes, nothing stored', async () => {
    const uploadAs = (name: string, content: Buffer) => async () => app.server.inject({
      method: 'POST', url: `/api/attachments?name=${encodeURIComponent(name)}`, payload: content,
      headers: { authorization: `Bearer ${await api.token('zjg.acceptor')}`, 'content-type': 'application/octet-stream' },
    });
    const big = await rejects(413, 'TG_ERR_ATTACHMENT_TOO_LARGE', uploadAs('big.zip', Buffer.alloc(51 * 1024 * 1024, 0x50)));
    expect(big.messageZh).toContain('50 MB');
    await rejects(400, 'TG_ERR_ATTACHMENT_TYPE', uploadAs('setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256)])));
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(256)]);
    await rejects(400, 'TG_ERR_ATTACHMENT_CONTENT', uploadAs('photo.jpg', exe));
    await rejects(400, 'TG_ERR_ATTACHMENT_CONTENT', uploadAs('report.pdf', Buffer.from('这是一段纯文本，不是 PDF。\n', 'utf8')));
    await rejects(400, 'TG_ERR_ATTACHMENT_CONTENT', uploadAs('empty.png', Buffer.alloc(0)));
    // a registration naming an attachment nobody uploaded registers nothing
    const ghost = api.registration('acc.toDispatch', { item: 'item.wzgg', fields: { attachments: ['no-such-attachment'] } }, '送分拨');
    await rejects(400, 'TG_ERR_ATTACHMENT_UNKNOWN', post('zjg.acceptor', '/api/tickets', ghost));
  });

  it('ORG-3 malformed spreadsheets for the user import: 400 naming the problem, no user and no department written', async () => {
    for (const [file, contentType] of [
      [Buffer.from('this is not a spreadsheet'), undefined],
      [Buffer.from('PK\u0003\u0004 broken zip'), undefined],
      [Buffer.from('name,login\n'), 'text/plain'],
      [await sheet([['a', 'b', '男', `${FH}-西张社区`, '13912345678']], ['姓名', '账号', '性别', '部门', '电话']), undefined],
      [await sheet([]), undefined],
    ] as const) {
      await rejects(400, 'TG_ERR_IMPORT_FILE', () => upload(app, 'sz.admin', file, '', contentType));
    }
    const rows = await rejects(400, 'TG_ERR_VALIDATION', async () => upload(app, 'sz.admin', await sheet([
      ['好人', 'fine.user', '男', `${FH}-新的社区`, '13912340000'], ['性别错', 'bad.gender', '未知', `${FH}-西张社区`, '13912340001'],
    ])));
    expect((rows.details as { errors: { row: number; field: string }[] }).errors.map((e) => [e.row, e.field])).toEqual([[3, 'gender']]);
    await rejects(403, 'TG_ERR_FORBIDDEN', async () => upload(app, 'zjg.acceptor', await sheet([['好人', 'fine.user', '男', `${FH}-西张社区`, '13912340000']])));
  });

  it('DEF-10 unknown buttons, targets, tickets, views and tabs: 404 with a stable code; a known button off its node is 422', async () => {
    const { t, cgj } = await handling();
    await api.refused('zjg.cgj.handler', t.id, 404, 'TG_ERR_UNKNOWN_BUTTON', 'task.teleport', { task: cgj });
    await api.refused('zjg.cgj.handler', t.id, 404, 'TG_ERR_NOT_FOUND', 'task.complete', { task: 'no-such-task' }, '办结');
    await api.refused('zjg.shiftleader', t.id, 404, 'TG_ERR_NOT_FOUND', 'app.approve', { application: 'no-such-application' });
    await rejects(404, 'TG_ERR_NOT_FOUND', post('zjg.cgj.handler', '/api/tickets/no-such-ticket/actions', { button: 'task.complete' }));
    await rejects(404, 'TG_ERR_NOT_FOUND', get('zjg.cgj.handler', '/api/tickets/no-such-ticket'));
    await rejects(404, 'TG_ERR_UNKNOWN_BUTTON', post('zjg.acceptor', '/api/tickets', api.registration('acc.teleport', { item: 'item.wzgg' }, '送分拨')));
    await rejects(404, 'TG_ERR_NOT_FOUND', get('zjg.dispatcher', '/api/views/view.nowhere/tabs/pending'));
    await rejects(404, 'TG_ERR_NOT_FOUND', get('zjg.dispatcher', '/api/views/view.dsp.dispatch/tabs/nowhere'));
    // a real button at a node where nobody may press it, and one the node does not offer to a role it has
    const closing = await api.refused('zjg.dispatcher', t.id, 403, 'TG_ERR_FORBIDDEN', 'cls.close', undefined, '结案');
    expect(closing.details).toMatchObject({ engineCode: 'ENG_FORBIDDEN_ROLE', params: { where: 'handling' } });
    const atDispatch = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    const offNode = await api.refused('zjg.dispatcher', atDispatch.id, 422, 'TG_ERR_ACTION_REFUSED', 'acc.void', undefined, '作废');
    expect(offNode.details).toMatchObject({ engineCode: 'ENG_NOT_AVAILABLE' });
    // no session at all
    const anonymous = await app.server.inject({ method: 'POST', url: `/api/tickets/${t.id}/actions`, payload: { button: 'task.feedback' } });
    expect([anonymous.statusCode, (anonymous.json() as ErrorBody).code]).toEqual([401, 'TG_ERR_UNAUTHENTICATED']);
  });
});
