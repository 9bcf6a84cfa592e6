import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/useTestApp.js';
import { Api, HOUR, type ErrorBody } from './support/api.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The visible text of word/document.xml (runs joined, tags dropped). */
function documentText(docx: Buffer): string {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

describe.each(['sqlite', 'mariadb'] as const)('X-4 ticket detail export (DEF-12) on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  const exportDocx = async (login: string, id: string) =>
    app.server.inject({ method: 'GET', url: `/api/tickets/${id}/export.docx`, headers: { authorization: `Bearer ${await api.token(login)}` } });

  async function assigned(confidential: boolean) {
    const body = { ...api.registration('acc.toDispatch', { item: 'item.wzgg', title: '东桥路违规广告牌' }, '送分拨处理'), confidential };
    const res = await api.request('zjg.acceptor', 'POST', '/api/tickets', body);
    expect(res.statusCode, res.body).toBe(201);
    const ticket = (res.json() as { ticket: { id: string; number: string } }).ticket;
    app.now += HOUR;
    await api.act('zjg.dispatcher', ticket.id, 'dsp.assign', undefined, '请城管局主办，生态环境局协办', { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    return ticket;
  }

  it('X-4 a handling unit exports the detail with the reporter masked; the center sees it in full; both are audited', async () => {
    const ticket = await assigned(false);
    const d = await api.detail('zjg.cgj.handler', ticket.id);
    await api.act('zjg.cgj.handler', ticket.id, 'task.feedback', { task: Api.task(d, 'zjg.cgj').id }, '已到现场查看');

    const res = await exportDocx('zjg.cgj.handler', ticket.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${ticket.number}-详情.docx`)}`);
    const text = documentText(res.rawPayload);
    for (const expected of [
      '详情页事件信息', ticket.number, '东桥路违规广告牌', '违规广告', '东桥路 12 号', '东桥路口有违规广告牌', '电话', '张家港市',
      '2025-06-10 09:00', // reported at, China time
      '送分拨处理', '请城管局主办，生态环境局协办', '已到现场查看', '杜伟（张家港市）', '送分拨',
      '张*', '138****5678', '张家港市城市管理局', '主办', '协办',
    ]) expect(text, expected).toContain(expected);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('13812345678');
    expect(text).not.toMatch(/\{[#/]?\w+\}/); // every tag was filled

    const full = documentText((await exportDocx('zjg.acceptor', ticket.id)).rawPayload);
    expect(full).toContain('张三');
    expect(full).toContain('13812345678');

    const audit = await app.services.knex('audit_log').where({ entity_kind: 'ticket', entity_id: ticket.id }).orderBy('seq');
    expect(audit.map((a: { user_id: string; action: string }) => `${a.user_id} ${a.action}`)).toEqual([
      'zjg.cgj.handler ticket.read', 'zjg.cgj.handler ticket.export', 'zjg.acceptor ticket.export',
    ]);
    expect(audit.every((a: { at: number }) => Number(a.at) === app.now)).toBe(true);
  });

  it('X-3 a confidential ticket exports without its reporter for handling units; other departments get 403', async () => {
    const ticket = await assigned(true);
    const res = await exportDocx('zjg.cgj.handler', ticket.id);
    expect(res.statusCode, res.body).toBe(200);
    const text = documentText(res.rawPayload);
    expect(text).toContain('（保密）');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('张*');
    expect(text).not.toContain('5678');
    const before = Number((await app.services.knex('audit_log').count({ n: '*' }))[0]!.n);
    for (const login of ['zjg.swj.handler', 'ys.acceptor']) {
      const refused = await exportDocx(login, ticket.id);
      expect([refused.statusCode, (refused.json() as ErrorBody).code]).toEqual([403, 'TG_ERR_OUT_OF_SCOPE']);
    }
    const missing = await exportDocx('zjg.acceptor', 'no-such-ticket');
    expect(missing.statusCode).toBe(404);
    expect(Number((await app.services.knex('audit_log').count({ n: '*' }))[0]!.n)).toBe(before);
  });
});
