import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { Api } from './support/api.js';
import { useTestApp } from './support/useTestApp.js';

interface Subject { kind: string; application?: string; number?: string; ticketTitle?: string }
interface Message { id: string; kind: string; title: string; subject: Subject | null; ticketId: string | null }
interface Grid { id: string; name: string; nameEn: string | null; community: string }

/** The visible text of word/document.xml (runs joined, tags dropped). */
function documentText(docx: Buffer): string {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

/**
 * Texts the server writes follow the user's language (X-2 messages, X-4 exports, ORG-4 grids):
 * messages carry a language-free subject the workbench words; exports are written in the language
 * the workbench asks for (?lang= or Accept-Language, zh-CN by default); grids have English names.
 */
describe.each(['sqlite', 'mariadb'] as const)('server texts in both languages on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  const inbox = async (login: string) => {
    const res = await api.request(login, 'GET', '/api/messages');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { rows: Message[] }).rows;
  };
  const get = async (login: string, url: string, headers: Record<string, string> = {}) =>
    app.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await api.token(login)}`, ...headers } });

  let ticket = { id: '', number: '' };

  it('X-2 a message stores what it is about (kind, application kind, ticket number and title) beside its Chinese title', async () => {
    const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: '东桥路口违规广告牌' }, '送分拨');
    ticket = t;
    await api.act('zjg.dispatcher', t.id, 'dsp.assign', undefined, '请城管局处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    await api.act('zjg.acceptor', t.id, 'ticket.urge', undefined, '请尽快处理');
    await app.services.outbox.processOutbox();
    const urge = (await inbox('zjg.cgj.handler')).find((m) => m.ticketId === t.id && m.kind === 'urge')!;
    expect(urge.subject).toEqual({ kind: 'urge', number: t.number, ticketTitle: '东桥路口违规广告牌' });
    expect(urge.title).toBe(`催办：${t.number} 东桥路口违规广告牌`);

    const d = await api.detail('zjg.cgj.handler', t.id);
    await api.act('zjg.cgj.handler', t.id, 'task.return', { task: Api.task(d, 'zjg.cgj').id }, '不属于本单位职责');
    await app.services.outbox.processOutbox();
    const toReview = (await inbox('zjg.shiftleader')).find((m) => m.ticketId === t.id)!;
    expect(toReview.subject).toEqual({ kind: 'return', application: 'return', number: t.number, ticketTitle: '东桥路口违规广告牌' });

    const application = Api.application(await api.detail('zjg.shiftleader', t.id), 'return');
    app.now += 60_000;
    await api.act('zjg.shiftleader', t.id, 'app.reject', { application: application.id }, '属于城管职责，请继续办理');
    await app.services.outbox.processOutbox();
    const rejection = (await inbox('zjg.cgj.handler')).find((m) => m.ticketId === t.id && m.kind === 'rejection')!;
    expect(rejection.subject).toEqual({ kind: 'rejection', application: 'return', number: t.number, ticketTitle: '东桥路口违规广告牌' });
  });

  it('X-2 a message written before subjects existed is listed with subject null and its title', async () => {
    await app.services.knex('messages').insert({
      id: 'old-message-1', user_id: 'zjg.cgj.handler', ticket_id: ticket.id, kind: 'urge', title: `催办：${ticket.number} 旧消息`,
      body: JSON.stringify({ type: 'urge' }), created_at: app.now + 1, read_at: null,
    });
    const old = (await inbox('zjg.cgj.handler')).find((m) => m.id === 'old-message-1');
    expect(old).toMatchObject({ kind: 'urge', title: `催办：${ticket.number} 旧消息`, subject: null });
  });

  it('ORG-4 grids have English names: served by the organisation API and the workbench catalogue, edited by administrators', async () => {
    const list = await get('sz.admin', '/api/org/grids?community=ys.dq');
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as { grids: Grid[] }).grids.map((g) => [g.id, g.name, g.nameEn])).toEqual([
      ['g.ys.dq.01', '东桥社区第1网格', 'Dongqiao Community Grid 1'],
      ['g.ys.dq.02', '东桥社区第2网格', 'Dongqiao Community Grid 2'],
    ]);
    const admin = { authorization: `Bearer ${await api.token('sz.admin')}` };
    const patch = (payload: object) => app.server.inject({ method: 'PATCH', url: '/api/org/grids/g.ys.dq.02', headers: admin, payload });
    expect((await patch({ nameEn: 'East Bridge Grid 2' })).json()).toMatchObject({ name: '东桥社区第2网格', nameEn: 'East Bridge Grid 2' });
    const catalogue = (await get('zjg.acceptor', '/api/workbench/catalogue')).json() as { org: { grids: (Grid & { nameEn?: string })[] } };
    expect(catalogue.org.grids.find((g) => g.id === 'g.ys.dq.02')).toEqual({ id: 'g.ys.dq.02', name: '东桥社区第2网格', nameEn: 'East Bridge Grid 2', community: 'ys.dq' });
    expect((await patch({ nameEn: null })).json()).toMatchObject({ nameEn: null });
    const created = await app.server.inject({ method: 'POST', url: '/api/org/grids', headers: admin, payload: { name: '东桥社区第3网格', nameEn: 'Dongqiao Community Grid 3', community: 'ys.dq' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: '东桥社区第3网格', nameEn: 'Dongqiao Community Grid 3' });
    expect((await app.server.inject({ method: 'POST', url: '/api/org/grids', headers: admin, payload: { name: 'x', nameEn: '', community: 'ys.dq' } })).statusCode).toBe(400);
  });

  it('X-4 a list export is written in the language the workbench asks for; Chinese by default', async () => {
    const url = '/api/views/view.dsp.dispatch/tabs/pending/export';
    const sheetOf = async (headers: Record<string, string>, query = '') => {
      const res = await get('zjg.dispatcher', `${url}${query}`, headers);
      expect(res.statusCode, res.body).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return { disposition: String(res.headers['content-disposition']), sheet: book.worksheets[0]! };
    };
    // a ticket waiting at 张家港's dispatch
    const waiting = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: '河东路违规广告牌' }, '送分拨');
    const rowOf = (sheet: ExcelJS.Worksheet) => {
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      for (let n = 2; n <= sheet.rowCount; n += 1) {
        const values = (sheet.getRow(n).values as unknown[]).slice(1);
        if (values.includes(waiting.number)) return Object.fromEntries(header.map((h, i) => [h, values[i]]));
      }
      throw new Error(`${waiting.number} is not in the sheet`);
    };

    const en = await sheetOf({ 'accept-language': 'en-US,en;q=0.9' });
    expect(en.sheet.name).toMatch(/^[\x20-\x7e]+$/);
    expect(en.disposition).toContain(encodeURIComponent(en.sheet.name));
    const english = rowOf(en.sheet);
    expect(english).toMatchObject({ 'Ticket number': waiting.number, Item: 'Unauthorised outdoor advertising', Channel: 'Phone' });
    // nothing the server wrote is Chinese but what people typed (title, reporter)
    const { Title: _title, Reporter: _reporter, ...rest } = english;
    expect(Object.keys(rest)).toEqual(['Ticket number', 'Item', 'Reported at', 'Channel', 'Region', 'Urgency', 'Status', 'Time limit']);
    for (const [column, value] of Object.entries(rest)) expect(`${column}: ${String(value)}`).not.toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(english).join(' ')).not.toMatch(/[\u4e00-\u9fff]/);

    const zh = rowOf((await sheetOf({})).sheet);
    expect(zh).toMatchObject({ 事件编号: waiting.number, 事项类别: '违规设置户外广告', 上报方式: '电话' });
    // ?lang= wins over Accept-Language
    expect(rowOf((await sheetOf({ 'accept-language': 'en-US' }, '?lang=zh-CN')).sheet)).toMatchObject({ 事项类别: '违规设置户外广告' });
  });

  it('X-4 the ticket detail docx: the English template and English names for en-US; the Chinese one by default', async () => {
    const url = `/api/tickets/${ticket.id}/export.docx`;
    const en = await get('zjg.acceptor', `${url}?lang=en-US`);
    expect(en.statusCode, en.body).toBe(200);
    expect(en.headers['content-disposition']).toContain(encodeURIComponent(`${ticket.number}-details.docx`));
    const text = documentText(en.rawPayload);
    for (const expected of ['Ticket details', 'Unauthorised outdoor advertising', 'Dongqiao Community Grid 1', 'Phone', 'Normal', 'Main']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('详情页事件信息');
    expect(text).not.toContain('违规设置户外广告');
    expect(text).not.toMatch(/\{[#/]?\w+\}/);
    // Accept-Language works too
    expect(documentText((await get('zjg.acceptor', url, { 'accept-language': 'en' })).rawPayload)).toContain('Ticket details');

    const zh = documentText((await get('zjg.acceptor', url)).rawPayload);
    for (const expected of ['详情页事件信息', '违规设置户外广告', '东桥社区第1网格', '主办']) expect(zh, expected).toContain(expected);
  });
});
