import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/useTestApp.js';
import type { TicketState } from '../../engine/index.js';

interface Item { index: number; ok: boolean; status: number; ticket?: TicketState; error?: { code: string; message: string; messageZh: string; details?: unknown } }
interface BatchBody { succeeded: number; failed: number; results: Item[] }

/** ACC-1 提交全部 / 全部暂存: POST /api/tickets/batch registers each open form on its own, with one outcome per form. */
describe.each(['sqlite', 'mariadb'] as const)('ACC-1 batch registration over HTTP on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  const tickets = async () => Number((await app.services.knex('tickets').count({ n: '*' }))[0]!.n);
  const batch = (login: string, forms: unknown[], headers: Record<string, string> = {}) => api.request(login, 'POST', '/api/tickets/batch', { tickets: forms }, headers);
  const good = (title: string, button = 'acc.toDispatch') => api.registration(button, { item: 'item.wzgg', title }, '送分拨');
  const badPhone = () => api.registration('acc.toDispatch', { item: 'item.wzgg', title: '电话写错', fields: { reporterPhone: 'abc' } }, '送分拨');

  it('ACC-1 submit all: every form is registered on its own; a refused form leaves the others registered (200, per-form status)', async () => {
    const before = await tickets();
    const res = await batch('zjg.acceptor', [good('第一张'), badPhone(), good('第三张', 'acc.saveDraft'), { ...good('没有意见'), opinion: '' }]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as BatchBody;
    expect([body.succeeded, body.failed]).toEqual([2, 2]);
    expect(body.results.map((r) => [r.index, r.ok, r.status, r.error?.code ?? r.ticket?.node])).toEqual([
      [0, true, 201, 'dispatch'], [1, false, 400, 'TG_ERR_VALIDATION'], [2, true, 201, 'draft'], [3, false, 400, 'TG_ERR_VALIDATION'],
    ]);
    expect(body.results[1]!.error).toMatchObject({ message: expect.any(String), messageZh: expect.any(String), details: { fields: [{ pointer: '/reporterPhone' }] } });
    expect(await tickets()).toBe(before + 2);
    // ACC-11: numbers follow the forms' order
    const [first, , third] = body.results.map((r) => r.ticket);
    expect(Number(third!.number.slice(-5))).toBe(Number(first!.number.slice(-5)) + 1);
    const d = await api.detail('zjg.dispatcher', first!.id);
    expect(d.ticket).toMatchObject({ title: '第一张', node: 'dispatch' });
    expect(d.history.map((h) => h.event)).toEqual(['acc.toDispatch']);
  });

  it('ACC-1 save all (全部暂存) keeps every form as a draft, unvalidated; a form refused by role is refused alone (403)', async () => {
    const drafts = [good('草稿一', 'acc.saveDraft'), { ...badPhone(), button: 'acc.saveDraft' }];
    const saved = (await batch('zjg.acceptor', drafts)).json() as BatchBody;
    expect(saved.results.map((r) => [r.ok, r.ticket?.node])).toEqual([[true, 'draft'], [true, 'draft']]);
    const byHandler = (await batch('zjg.cgj.handler', [good('处理员登记')])).json() as BatchBody;
    expect(byHandler.results).toEqual([expect.objectContaining({ index: 0, ok: false, status: 403, error: expect.objectContaining({ code: 'TG_ERR_FORBIDDEN' }) })]);
  });

  it('ACC-1 an idempotency key applies per form (key:index): a replay returns the registered forms and retries only the failed ones', async () => {
    const before = await tickets();
    const headers = { 'idempotency-key': 'batch-replay-1' };
    const first = (await batch('zjg.acceptor', [good('幂等一'), badPhone()], headers)).json() as BatchBody;
    expect(first.results.map((r) => r.ok)).toEqual([true, false]);
    const replay = (await batch('zjg.acceptor', [good('幂等一'), good('幂等二（改正后）')], headers)).json() as BatchBody;
    expect(replay.results.map((r) => [r.ok, r.ticket?.title])).toEqual([[true, '幂等一'], [true, '幂等二（改正后）']]);
    expect(replay.results[0]!.ticket!.id).toBe(first.results[0]!.ticket!.id);
    expect(await tickets()).toBe(before + 2);
    const stored = await app.services.knex('idempotency_keys').select('key').where('key', 'like', '%batch-replay-1%').orderBy('key');
    expect(stored.map((r: { key: string }) => r.key)).toEqual(['zjg.acceptor:batch-replay-1:0', 'zjg.acceptor:batch-replay-1:1']);
    // the same key for a different first form is a conflict for that form alone
    const conflict = (await batch('zjg.acceptor', [good('另一张')], headers)).json() as BatchBody;
    expect(conflict.results[0]).toMatchObject({ ok: false, status: 409, error: { code: 'TG_ERR_IDEMPOTENCY_CONFLICT' } });
  });

  it('ACC-1 a malformed batch (no forms, more than 20, a form breaking the schema) is refused whole with 400 and registers nothing', async () => {
    const before = await tickets();
    const empty = await batch('zjg.acceptor', []);
    const tooMany = await batch('zjg.acceptor', Array.from({ length: 21 }, (_, i) => good(`第${i}张`)));
    const broken = await batch('zjg.acceptor', [good('好的'), { ...good('坏的'), urgency: 'whenever' }]);
    for (const res of [empty, tooMany, broken]) {
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json() as { code: string }).code).toBe('TG_ERR_VALIDATION');
    }
    expect((broken.json() as { details: { pointer: string }[] }).details[0]!.pointer).toBe('/tickets/1/urgency');
    expect(await tickets()).toBe(before);
    const anonymous = await app.server.inject({ method: 'POST', url: '/api/tickets/batch', payload: { tickets: [good('匿名')] } });
    expect(anonymous.statusCode).toBe(401);
  });
});
