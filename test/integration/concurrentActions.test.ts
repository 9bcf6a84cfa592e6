import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/useTestApp.js';
import { Api } from './support/api.js';

const TICKETS = 24;

/**
 * DESIGN 4: actions on different tickets never conflict. Completing a task writes a `splitFollowers`
 * outbox row that followMain handles in the same transaction; marking such rows done afterwards by
 * ticket and type walked every pending outbox row, and on MariaDB concurrent completions deadlocked
 * on the gap locks (a 409 for an action nobody competed with).
 */
describe.each(['sqlite', 'mariadb'] as const)('concurrent actions on different tickets on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  it('complete, approve and close many tickets at once without a conflict', async () => {
    const ids: string[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: `并发${i}` });
      await api.act('zjg.dispatcher', t.id, 'dsp.assign', undefined, '交办', { handling: 'mainAssist', main: 'zjg.cgj' });
      ids.push(t.id);
    }
    const details = await Promise.all(ids.map((id) => api.detail('zjg.cgj.handler', id)));
    await Promise.all(ids.map((id, i) => api.act('zjg.cgj.handler', id, 'task.complete', { task: Api.task(details[i]!, 'zjg.cgj').id }, '已拆除')));
    const reviews = await Promise.all(ids.map((id) => api.detail('zjg.reviewer', id)));
    await Promise.all(ids.map((id, i) => api.act('zjg.reviewer', id, 'app.approve', { application: Api.application(reviews[i]!, 'result').id }, '通过')));
    await Promise.all(ids.map((id) => api.act('zjg.shiftleader', id, 'cls.close', undefined, '结案')));
    for (const id of ids) expect((await api.stored(id)).node).toBe('closed');
    const pending = await app.services.knex('outbox').whereIn('ticket_id', ids).where({ type: 'splitFollowers' }).whereNull('done_at');
    expect(pending).toEqual([]);
  });

  it('ACC-11 registrations at once each get their own number of the day, one after another', async () => {
    const first = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: '编号起点' });
    const tickets = await Promise.all(Array.from({ length: TICKETS }, (_, i) => api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: `同时登记${i}` })));
    const sequence = (number: string) => Number(number.slice(-5));
    const numbers = tickets.map((t) => sequence(t.number)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: TICKETS }, (_, i) => sequence(first.number) + 1 + i));
  });

  it('ACC-11 a new day starts its numbers at 1', async () => {
    app.now += 40 * 86_400_000;
    api.forgetSessions();
    const first = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: '新的一天' });
    const second = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: '新的一天 2' });
    expect([first.number.slice(-5), second.number.slice(-5)]).toEqual(['00001', '00002']);
    expect(first.number.slice(2, 10)).not.toBe('20250610');
  });

  it('ACC-11 neither a refused registration nor a replayed one takes a number', async () => {
    const first = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: '编号前' });
    const good = api.registration('acc.toDispatch', { item: 'item.wzgg', title: '重放' });
    const invalid = await api.request('zjg.acceptor', 'POST', '/api/tickets', { ...good, fields: { ...good.fields, reporterPhone: 'abc' } });
    expect([invalid.statusCode, (invalid.json() as { code: string }).code]).toEqual([400, 'TG_ERR_VALIDATION']);
    const once = await api.request('zjg.acceptor', 'POST', '/api/tickets', good, { 'idempotency-key': 'acc11-replay' });
    const again = await api.request('zjg.acceptor', 'POST', '/api/tickets', good, { 'idempotency-key': 'acc11-replay' });
    expect([once.statusCode, again.statusCode]).toEqual([201, 201]);
    const number = (res: typeof once) => (res.json() as { ticket: { number: string } }).ticket.number;
    expect(number(again)).toBe(number(once));
    const next = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: '编号后' });
    const sequence = (n: string) => Number(n.slice(-5));
    expect([sequence(number(once)), sequence(next.number)]).toEqual([sequence(first.number) + 1, sequence(first.number) + 2]);
  });
});
