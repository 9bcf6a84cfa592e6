import { describe, expect, it } from 'vitest';
import { execute, selectRows } from '../../runtime/db/directSql.js';
import { stateCacheOf } from '../../runtime/tickets/stateCache.js';
import { loadWorld } from '../../runtime/tickets/ticketStore.js';
import { useTestApp } from './support/useTestApp.js';

/**
 * World reads take the states this process committed from runtime/tickets/stateCache (frozen under
 * test, so a cached state is recognisable), and never a state the database no longer holds.
 */
describe.each(['sqlite', 'mariadb'] as const)('state cache on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  it('reads the states an action committed without parsing them again', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    const world = (await loadWorld(app.services.knex, t.id))!;
    expect(world.ticket.node).toBe('handling');
    expect(Object.isFrozen(world.ticket)).toBe(true);
    expect(world.tasks.map((task) => [task.department, Object.isFrozen(task)])).toEqual([['zjg.cgj', true]]);
  });

  it('reads a state written elsewhere (another process) from the database', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    const knex = app.services.knex;
    const [row] = await selectRows<{ state: unknown; version: number }>(knex, 'select `state`, `version` from `tickets` where `id` = ?', [t.id]);
    const stored = (typeof row!.state === 'string' ? JSON.parse(row!.state) : row!.state) as Record<string, unknown>;
    const version = Number(row!.version) + 1;
    await execute(knex, 'update `tickets` set `state` = ?, `version` = ? where `id` = ?', [JSON.stringify({ ...stored, title: '另一进程改过的标题', version }), version, t.id]);
    const world = (await loadWorld(knex, t.id))!;
    expect(world.ticket.title).toBe('另一进程改过的标题');
    expect(Object.isFrozen(world.ticket)).toBe(false);
    // the detail and the next action see it too, and the action commits on top of it
    expect((await api.detail('zjg.dispatcher', t.id)).ticket.title).toBe('另一进程改过的标题');
    await api.finish(t.id, 'zjg.cgj');
    const after = (await loadWorld(knex, t.id))!;
    expect(after.ticket.title).toBe('另一进程改过的标题');
    expect(after.ticket.version).toBeGreaterThan(version);
  });

  it('keeps only the state of the action that committed when two race', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    const task = (await loadWorld(app.services.knex, t.id))!.tasks[0]!;
    const answers = await Promise.all(['已拆除', '已处理'].map((opinion) => api.attempt('zjg.cgj.handler', t.id, 'task.complete', { task: task.id }, opinion)));
    // the loser conflicts on the version (409), or, when the two ran one after the other, finds the task done (403)
    const [first, second] = answers.map((a) => a.statusCode).sort();
    expect(first).toBe(200);
    expect([403, 409]).toContain(second);
    const won = answers.find((a) => a.statusCode === 200)!.json() as { ticket: { version: number } };
    const world = (await loadWorld(app.services.knex, t.id))!;
    expect(world.ticket.version).toBe(won.ticket.version);
    expect(world.tasks[0]!.node).not.toBe(task.node);
    expect(world.tasks[0]!.version).toBe(task.version + 1);
  });

  it('knows the followers of what it committed, and reads them again after a merge touched the main', async () => {
    const register = async (title: string) => (await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.ys.xm.01', title })).id;
    const main = await register('主单');
    const follower = await register('从单');
    const cache = stateCacheOf(app.services.knex);
    expect(cache.followers(main, (await api.stored(main)).version)).toEqual([]);

    // the merge is not a TicketService action: it moves the main's version past what the cache knows
    const merged = await api.request('zjg.acceptor', 'POST', '/api/tickets/merge', { ticketIds: [follower, main], main });
    expect(merged.statusCode, merged.body).toBe(200);
    const version = (await api.stored(main)).version;
    expect(cache.followers(main, version)).toBeUndefined();

    await api.act('zjg.dispatcher', main, 'dsp.assign', undefined, '请城管局主办', { handling: 'mainAssist', main: 'zjg.cgj' });
    expect((await api.detail('zjg.dispatcher', follower)).ticket).toMatchObject({ node: 'handling', mergedInto: main });
    expect(cache.followers(main, (await api.stored(main)).version)).toEqual([follower]);

    // a split leaves the main as it is; the main's next action finds the ticket no longer follows
    const split = await api.request('zjg.dispatcher', 'POST', `/api/tickets/${follower}/split`, {});
    expect(split.statusCode, split.body).toBe(200);
    const detail = await api.detail('zjg.cgj.handler', main);
    await api.act('zjg.cgj.handler', main, 'task.complete', { task: detail.tasks[0]!.id }, '已处理');
    expect(cache.followers(main, (await api.stored(main)).version)).toEqual([]);
    expect((await api.detail('zjg.dispatcher', follower)).tasks.map((t) => t.node)).not.toContain('completed');
  });
});
