import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/useTestApp.js';
import { messageId } from '../../runtime/outbox/messageOf.js';
import { OutboxProcessor, RETRY_STEP_MS } from '../../runtime/outbox/outboxProcessor.js';
import { Api } from './support/api.js';

interface Message { id: string; kind: string; title: string; ticketId: string | null; body: Record<string, unknown>; createdAt: number; readAt: number | null }
interface MessagePage { total: number; page: number; pageSize: number; unreadCount: number; rows: Message[] }

describe.each(['sqlite', 'mariadb'] as const)('X-2 message centre and the outbox on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  const knex = () => app.services.knex;
  const messageCount = async () => Number((await knex()('messages').count({ n: '*' }))[0]!.n);

  async function inbox(login: string, query = ''): Promise<MessagePage> {
    const res = await api.request(login, 'GET', `/api/messages${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MessagePage;
  }

  /** A ticket of 张家港 in handling at 城管局 (main only). */
  async function inHandling(title: string) {
    const ticket = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title }, '送分拨');
    await api.act('zjg.dispatcher', ticket.id, 'dsp.assign', undefined, '请城管局处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    return ticket;
  }

  /** An outbox row written past the engine, as saveDecision writes it. */
  async function outboxRow(ticket: string, effect: unknown) {
    const id = randomUUID();
    await knex()('outbox').insert({ id, ticket_id: ticket, type: 'urge', payload: JSON.stringify(effect), created_at: app.now, done_at: null, attempts: 0 });
    return id;
  }

  let ticketId = '';
  let ticketNumber = '';

  it('an urge by the acceptor reaches the handling department\'s handler as an unread message, with the action', async () => {
    const ticket = await inHandling('东桥路口违规广告牌');
    ticketId = ticket.id;
    ticketNumber = ticket.number;
    await api.act('zjg.acceptor', ticket.id, 'ticket.urge', undefined, '请尽快处理');
    // written in the action's own transaction: there when the answer is, with no outbox run

    const page = await inbox('zjg.cgj.handler', '?unread=true');
    const urge = page.rows.find((m) => m.ticketId === ticket.id && m.kind === 'urge');
    expect(urge).toMatchObject({ title: `催办：${ticket.number} 东桥路口违规广告牌`, readAt: null, body: { type: 'urge', opinion: '请尽快处理', by: 'zjg.acceptor' } });
    expect(page.unreadCount).toBeGreaterThanOrEqual(1);
    // the sub-unit's handler, the acceptor and other departments get nothing
    for (const login of ['zjg.cgj.hws.handler', 'zjg.acceptor', 'zjg.sthj.handler']) {
      expect((await inbox(login)).rows.filter((m) => m.ticketId === ticket.id)).toEqual([]);
    }
    const rows = await knex()('outbox').where({ ticket_id: ticket.id, type: 'urge' });
    expect(rows.map((r: { done_at: unknown; attempts: unknown }) => [r.done_at !== null, Number(r.attempts)])).toEqual([[true, 0]]);
    expect((await app.services.outbox.processOutbox()).delivered).toBe(0);
  });

  it('a return application reaches the center\'s shift leaders; its rejection reaches the applicant', async () => {
    let d = await api.detail('zjg.cgj.handler', ticketId);
    await api.act('zjg.cgj.handler', ticketId, 'task.return', { task: Api.task(d, 'zjg.cgj').id }, '不属于本单位职责');
    await app.services.outbox.processOutbox();
    for (const leader of ['zjg.shiftleader', 'zjg.shiftleader2']) {
      const page = await inbox(leader, '?unread=true');
      expect(page.rows.filter((m) => m.ticketId === ticketId).map((m) => [m.kind, m.title]))
        .toEqual([['return', `待审核：退回申请 ${ticketNumber} 东桥路口违规广告牌`]]);
    }
    expect((await inbox('zjg.reviewer')).rows.filter((m) => m.ticketId === ticketId)).toEqual([]);

    d = await api.detail('zjg.shiftleader', ticketId);
    const application = Api.application(d, 'return');
    app.now += 60_000;
    await api.act('zjg.shiftleader', ticketId, 'app.reject', { application: application.id }, '属于城管职责，请继续办理');
    await app.services.outbox.processOutbox();
    const page = await inbox('zjg.cgj.handler');
    const rejection = page.rows.find((m) => m.kind === 'rejection');
    expect(rejection).toMatchObject({ ticketId, title: `驳回：退回申请未通过 ${ticketNumber} 东桥路口违规广告牌`, body: { data: { application: application.id, kind: 'return' } } });
    // newest first
    expect(page.rows.map((m) => m.kind).slice(0, 2)).toEqual(['rejection', 'urge']);
    expect(page.rows[0]!.createdAt).toBeGreaterThan(page.rows[1]!.createdAt);
  });

  it('reads one message, pages, and reads all; another user\'s message is not found', async () => {
    const before = await inbox('zjg.cgj.handler');
    expect(before.unreadCount).toBe(2);
    const [first, second] = before.rows;
    const read = await api.request('zjg.cgj.handler', 'POST', `/api/messages/${first!.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id: first!.id, readAt: app.now });
    const unread = await inbox('zjg.cgj.handler', '?unread=true');
    expect([unread.unreadCount, unread.total, unread.rows.map((m) => m.id)]).toEqual([1, 1, [second!.id]]);
    const paged = await inbox('zjg.cgj.handler', '?page=2&pageSize=1');
    expect([paged.total, paged.page, paged.pageSize, paged.rows.map((m) => m.id)]).toEqual([2, 2, 1, [second!.id]]);

    const foreign = await api.request('zjg.shiftleader', 'POST', `/api/messages/${second!.id}/read`);
    expect([foreign.statusCode, (foreign.json() as { code: string }).code]).toEqual([404, 'TG_ERR_NOT_FOUND']);
    expect((await api.request('zjg.cgj.handler', 'GET', '/api/messages?pageSize=1000')).statusCode).toBe(400);

    const all = await api.request('zjg.cgj.handler', 'POST', '/api/messages/read-all');
    expect(all.json()).toEqual({ updated: 1 });
    expect((await inbox('zjg.cgj.handler')).unreadCount).toBe(0);
    expect((await inbox('zjg.shiftleader')).unreadCount).toBe(1);
    expect((await app.server.inject({ method: 'GET', url: '/api/messages' })).statusCode).toBe(401);
  });

  it('a second processOutbox run, even over rows replayed after a crash, delivers nothing twice', async () => {
    const count = await messageCount();
    expect((await app.services.outbox.processOutbox()).messages).toBe(0);
    // a crash after writing the messages but before marking the rows done: every row runs again
    await knex()('outbox').whereIn('type', ['notify', 'urge']).update({ done_at: null, attempts: 0 });
    const replay = await app.services.outbox.processOutbox();
    expect(replay.messages).toBe(0);
    expect(await messageCount()).toBe(count);
    expect(Number((await knex()('outbox').whereIn('type', ['notify', 'urge']).whereNull('done_at').count({ n: '*' }))[0]!.n)).toBe(0);
  });

  it('two processors never deliver the same row twice', async () => {
    const count = await messageCount();
    const ids = await Promise.all([1, 2, 3, 4, 5].map((i) => outboxRow(ticketId, { type: 'urge', ticket: ticketId, to: { users: ['zjg.cgj.handler'] }, by: 'zjg.acceptor', opinion: `第${i}次催办` })));
    const other = new OutboxProcessor(knex(), app.services.bundles, () => app.now);
    const third = new OutboxProcessor(knex(), app.services.bundles, () => app.now);
    await Promise.all([other.processOutbox(), third.processOutbox(), app.services.outbox.processOutbox()]);
    const rows = await knex()('outbox').whereIn('id', ids);
    expect(rows.map((r: { done_at: unknown; attempts: unknown }) => [r.done_at !== null, Number(r.attempts)])).toEqual(ids.map(() => [true, 1]));
    expect(await messageCount()).toBe(count + 5);
    await Promise.all([other.stop(), third.stop()]);
  });

  it('a failing row keeps its attempts and is retried later', async () => {
    const id = await outboxRow(ticketId, { type: 'urge', ticket: ticketId, to: 'nobody', by: 'zjg.acceptor' });
    await app.services.outbox.processOutbox();
    const failed = await knex()('outbox').where({ id }).first();
    expect([failed.done_at, Number(failed.attempts)]).toEqual([null, 1]);

    // repaired (say the org came back); the next attempt waits for its back-off
    const fixed = { type: 'urge', ticket: ticketId, to: { department: 'zjg.cgj', role: 'handler' }, by: 'zjg.acceptor', opinion: '重试' };
    await knex()('outbox').where({ id }).update({ payload: JSON.stringify(fixed) });
    await app.services.outbox.processOutbox();
    expect((await knex()('outbox').where({ id }).first()).done_at).toBeNull();

    app.now += 2 * RETRY_STEP_MS;
    await app.services.outbox.processOutbox();
    const done = await knex()('outbox').where({ id }).first();
    expect([done.done_at !== null, Number(done.attempts)]).toEqual([true, 2]);
    const message = await knex()('messages').where({ id: messageId(id, 'zjg.cgj.handler') }).first();
    expect(message).toMatchObject({ user_id: 'zjg.cgj.handler', kind: 'urge', ticket_id: ticketId });
  });
});
