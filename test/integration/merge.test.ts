import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/useTestApp.js';
import type { TaskState } from '../../engine/index.js';
import { Api, HOUR, type Detail } from './support/api.js';

interface Row { id: string; node: string; mergedInto: string | null; followers: number; version: number }
interface TaskRow extends Row { department: string; ticket: Row }
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
const events = (d: Detail) => d.history.filter((h) => !h.event.startsWith('$')).map((h) => `${h.entity.kind} ${h.event} ${h.fromNode}→${h.toNode}`);
const mirrors = (d: Detail) => d.tasks.map((t) => `${t.department}:${t.node}:${t.viaTicketMerge ? 'mirror' : 'own'}:${t.mergedInto ? 'merged' : 'free'}`).sort();

describe.each(['sqlite', 'mariadb'] as const)('ticket and task merge over HTTP on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  /** Registers at 张家港 in the given grid (each test has its own, so candidate lists do not mix) and moves the clock. */
  async function register(grid: string, button = 'acc.toDispatch', item = 'item.wzgg') {
    const t = await api.register('zjg.acceptor', button, { item, grid, title: `${grid} ${button}` });
    app.now += HOUR;
    return t.id;
  }

  async function post<T>(login: string, url: string, body: unknown, status = 200): Promise<T> {
    const res = await api.request(login, 'POST', url, body);
    expect(res.statusCode, `${login} POST ${url}: ${res.body}`).toBe(status);
    return res.json() as T;
  }

  async function get<T>(login: string, url: string): Promise<T> {
    const res = await api.request(login, 'GET', url);
    expect(res.statusCode, `${login} GET ${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  }

  /** A refused request answers `status`/`code` and leaves every ticket exactly as it was. */
  async function refused(login: string, url: string, body: unknown, status: number, code: string, tickets: string[]) {
    const before = await Promise.all(tickets.map((t) => api.stored(t)));
    const res = await post<{ code: string }>(login, url, body, status);
    expect(res.code).toBe(code);
    expect(await Promise.all(tickets.map((t) => api.stored(t)))).toEqual(before);
  }

  it('ACC-3 candidates, multi-select main by status then report time, refusals, and locked followers', async () => {
    const g = 'g.ys.dq.02';
    const a = await register(g);
    const b = await register(g);
    const c = await register(g);
    await api.act('zjg.dispatcher', c, 'dsp.toReview', undefined, '送审核');
    const d = await register(g, 'acc.saveDraft');
    const other = await register('g.ys.hq.01', 'acc.saveDraft');

    let list = await get<{ merged: Row[]; unmerged: Row[] }>('zjg.acceptor', `/api/tickets/${d}/merge-candidates`);
    expect([ids(list.merged), ids(list.unmerged)]).toEqual([[], [a, b, c].sort()]);
    list = await get('zjg.dispatcher', `/api/tickets/${b}/merge-candidates`);
    expect(ids(list.unmerged)).toEqual([a, c].sort()); // not the draft: candidates are never behind the current ticket
    const res = await api.request('zjg.cgj.handler', 'GET', `/api/tickets/${d}/merge-candidates`);
    expect([res.statusCode, (res.json() as { code: string }).code]).toEqual([403, 'TG_ERR_MERGE_ROLE']);

    // refusals change nothing: another grid, the wrong role, a draft main, a main behind its follower
    await refused('zjg.acceptor', '/api/tickets/merge', { ticketIds: [d, other] }, 422, 'TG_ERR_MERGE_MISMATCH', [d, other]);
    await refused('zjg.shiftleader', '/api/tickets/merge', { ticketIds: [a, b] }, 403, 'TG_ERR_MERGE_ROLE', [a, b]);
    const web = await api.request('zjg.acceptor', 'POST', '/api/tickets', { ...api.registration('acc.saveDraft', { item: 'item.wzgg', grid: g }), channel: 'web' });
    const byWeb = (web.json() as { ticket: { id: string } }).ticket.id;
    await refused('zjg.acceptor', '/api/tickets/merge', { ticketIds: [a, byWeb] }, 422, 'TG_ERR_MERGE_MISMATCH', [a, byWeb]);
    await refused('zjg.acceptor', '/api/tickets/merge', { ticketIds: [a, d], main: d }, 422, 'TG_ERR_MERGE_STEP', [a, d]);
    await refused('zjg.acceptor', '/api/tickets/merge', { ticketIds: [a, c], main: a }, 422, 'TG_ERR_MERGE_STEP', [a, c]);
    await refused('zjg.acceptor', '/api/tickets/merge', { ticketIds: [a, b], versions: { [a]: 7 } }, 409, 'TG_ERR_STALE_VERSION', [a, b]);

    // 分拨审核 beats 待分拨 although b was reported earlier; the draft follows too
    const merged = await post<{ main: Row; followers: Row[] }>('zjg.acceptor', '/api/tickets/merge', { ticketIds: [d, b, c] });
    expect(merged.main).toMatchObject({ id: c, node: 'dispatchReview', followers: 2 });
    expect(merged.followers.map((f) => [f.id, f.node, f.mergedInto])).toEqual([[d, 'dispatchReview', c], [b, 'dispatchReview', c]]);
    const follower = await api.detail('zjg.dispatcher', b);
    expect(events(follower).slice(-1)).toEqual(['ticket merge dispatch→dispatchReview']);
    expect(events(await api.detail('zjg.dispatcher', c)).slice(-1)).toEqual(['ticket merge dispatchReview→dispatchReview']);

    list = await get('zjg.acceptor', `/api/tickets/${a}/merge-candidates`);
    expect([ids(list.merged), ids(list.unmerged)]).toEqual([[c], []]);
    expect(list.merged[0]?.followers).toBe(2);
    // a follower is neither a main nor merged again; a main with followers is only a main
    await refused('zjg.acceptor', '/api/tickets/merge', { ticketIds: [a, b], main: b }, 422, 'TG_ERR_MERGE_FOLLOWER', [a, b]);
    const e = await register(g, 'acc.toDispatch');
    await api.act('zjg.dispatcher', e, 'dsp.toReview', undefined, '送审核');
    await refused('zjg.acceptor', '/api/tickets/merge', { ticketIds: [c, e], main: e }, 422, 'TG_ERR_MERGE_HAS_FOLLOWERS', [c, e]);

    // followers cannot be operated alone
    expect(Api.allows(follower, 'dsp.assign')).toBeFalsy();
    const locked = await api.refused('zjg.shiftleader', b, 422, 'TG_ERR_FOLLOWER_LOCKED', 'dsprev.return', undefined, '退回');
    expect(locked.details).toMatchObject({ engineCode: 'ENG_FOLLOWER_LOCKED', params: { id: b, main: c } });
  });

  it('ACC-3 followers mirror the main into handling with mirror tasks; result approvals split the mirror tasks', async () => {
    const g = 'g.ys.hq.02';
    const a = await register(g);
    const b = await register(g);
    const merged = await post<{ main: Row }>('zjg.dispatcher', '/api/tickets/merge', { ticketIds: [b, a] });
    expect(merged.main.id).toBe(a); // same status: the earliest report
    const before = await api.stored(b);

    await api.act('zjg.dispatcher', a, 'dsp.assign', undefined, '请城管局主办', { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    let main = await api.detail('zjg.dispatcher', a);
    let f = await api.detail('zjg.dispatcher', b);
    expect(f.ticket).toMatchObject({ node: 'handling', mergedInto: a, dispatch: { handling: 'mainAssist', by: 'zjg.dispatcher' } });
    expect(f.ticket.version).toBe(before.version + 1);
    expect(mirrors(f)).toEqual(['zjg.cgj:pending:mirror:merged', 'zjg.sthj:pending:mirror:merged']);
    expect(f.tasks.map((t) => t.mergedInto).sort()).toEqual(main.tasks.map((t) => t.id).sort());
    expect(events(f).slice(-1)).toEqual(['ticket follow dispatch→handling']);
    expect(f.history.at(-1)).toMatchObject({ actor: { user: 'zjg.dispatcher' }, data: { main: a, event: 'dsp.assign' } });

    // a draft merged into a main in handling gets mirror tasks at once
    const c = await register(g, 'acc.saveDraft');
    await post('zjg.acceptor', '/api/tickets/merge', { ticketIds: [c, a] });
    expect(mirrors(await api.detail('zjg.dispatcher', c))).toEqual(['zjg.cgj:pending:mirror:merged', 'zjg.sthj:pending:mirror:merged']);

    const mirror = Api.task(f, 'zjg.cgj').id;
    const locked = await api.refused('zjg.cgj.handler', b, 422, 'TG_ERR_FOLLOWER_LOCKED', 'task.complete', { task: mirror }, '办结');
    expect(locked.details).toMatchObject({ engineCode: 'ENG_FOLLOWER_LOCKED' });

    // the assist completes: the mirror shows it; its approval splits the mirror, which ends approved
    await api.act('zjg.sthj.handler', a, 'task.complete', { task: Api.task(main, 'zjg.sthj').id }, '已配合');
    expect(mirrors(await api.detail('zjg.dispatcher', b))).toContain('zjg.sthj:completed:mirror:merged');
    main = await api.detail('zjg.reviewer', a);
    await api.act('zjg.reviewer', a, 'app.approve', { application: Api.application(main, 'result', 'zjg.sthj').id });
    expect(mirrors(await api.detail('zjg.dispatcher', b))).toEqual(['zjg.cgj:pending:mirror:merged', 'zjg.sthj:approved:mirror:free']);

    await api.act('zjg.cgj.handler', a, 'task.complete', { task: Api.task(main, 'zjg.cgj').id }, '已拆除');
    main = await api.detail('zjg.reviewer', a);
    await api.act('zjg.reviewer', a, 'app.approve', { application: Api.application(main, 'result', 'zjg.cgj').id });
    for (const id of [b, c]) {
      f = await api.detail('zjg.dispatcher', id);
      expect([f.ticket.node, f.ticket.mergedInto]).toEqual(['closing', a]);
      expect(mirrors(f)).toEqual(['zjg.cgj:approved:mirror:free', 'zjg.sthj:approved:mirror:free']);
    }
    await api.act('zjg.shiftleader', a, 'cls.close', undefined, '结案');
    expect((await api.stored(b)).node).toBe('closed');
    const pending = await app.services.knex('outbox').where({ ticket_id: a, type: 'splitFollowers' }).whereNull('done_at');
    expect(pending).toEqual([]);
  });

  it('DSP-2 a dispatcher return of the main splits its followers where they stand; a manual split frees a follower', async () => {
    const g = 'g.ys.xm.01';
    const a = await register(g);
    const b = await register(g, 'acc.saveDraft');
    const c = await register(g);
    await post('zjg.acceptor', '/api/tickets/merge', { ticketIds: [b, c, a] });
    expect((await api.detail('zjg.dispatcher', b)).ticket).toMatchObject({ node: 'dispatch', mergedInto: a });

    await api.act('zjg.dispatcher', a, 'dsp.returnToAcceptor', undefined, '信息不全');
    for (const id of [b, c]) {
      const f = await api.detail('zjg.dispatcher', id);
      expect(f.ticket.node).toBe('dispatch');
      expect(f.ticket.mergedInto).toBeUndefined();
      expect(events(f).slice(-1)).toEqual(['ticket split dispatch→dispatch']);
      expect(f.history.at(-1)).toMatchObject({ actor: { user: 'zjg.dispatcher' }, data: { main: a } });
    }
    expect((await api.detail('zjg.acceptor', a)).ticket.node).toBe('acceptance');
    await api.act('zjg.dispatcher', b, 'dsp.toReview', undefined, '送审核'); // free again

    // manual split from the detail page
    const d = await register(g, 'acc.saveDraft');
    await post('zjg.acceptor', '/api/tickets/merge', { ticketIds: [d, c] });
    await refused('zjg.cgj.handler', `/api/tickets/${d}/split`, {}, 403, 'TG_ERR_MERGE_ROLE', [c, d]);
    await refused('zjg.acceptor', `/api/tickets/${c}/split`, {}, 422, 'TG_ERR_NOT_MERGED', [c, d]);
    const version = (await api.stored(d)).version;
    await refused('zjg.acceptor', `/api/tickets/${d}/split`, { version: version - 1 }, 409, 'TG_ERR_STALE_VERSION', [c, d]);
    const split = await post<Row>('zjg.acceptor', `/api/tickets/${d}/split`, { version });
    expect(split).toMatchObject({ id: d, node: 'dispatch', mergedInto: null, version: version + 1 });
    const freed = await api.detail('zjg.dispatcher', d);
    expect(freed.history.at(-1)).toMatchObject({ event: 'split', actor: { user: 'zjg.acceptor' }, data: { main: c, reason: 'manual' } });
    await api.act('zjg.dispatcher', d, 'dsp.toReview', undefined, '送审核');
  });

  it('HND-3 task merge: candidates, the earliest task is the main, the follower mirrors and splits when the main completes', async () => {
    const g = 'g.ys.xm.02';
    const tickets: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await register(g, 'acc.toDispatch', 'item.shzs');
      await api.act('zjg.dispatcher', id, 'dsp.assign', undefined, '交办', { handling: 'mainAssist', main: 'zjg.gaj', assists: ['zjg.sthj'] });
      tickets.push(id);
    }
    const [a, b, c] = tickets as [string, string, string];
    const task = async (ticket: string, dep: string): Promise<TaskState> => Api.task(await api.detail('zjg.dispatcher', ticket), dep);
    const [ag, bg, as, cs] = await Promise.all([task(a, 'zjg.gaj'), task(b, 'zjg.gaj'), task(a, 'zjg.sthj'), task(c, 'zjg.sthj')]);

    const list = await get<{ merged: TaskRow[]; unmerged: TaskRow[] }>('zjg.gaj.handler', `/api/tasks/${bg.id}/merge-candidates`);
    expect([ids(list.merged), ids(list.unmerged)]).toEqual([[], [ag.id, (await task(c, 'zjg.gaj')).id].sort()]);
    expect(list.unmerged.every((r) => r.department === 'zjg.gaj' && r.ticket.node === 'handling')).toBe(true);
    const res = await api.request('zjg.sthj.handler', 'GET', `/api/tasks/${bg.id}/merge-candidates`);
    expect(res.statusCode).toBe(403);

    await refused('zjg.gaj.handler', '/api/tasks/merge', { taskIds: [bg.id, as.id] }, 422, 'TG_ERR_MERGE_MISMATCH', [a, b]);
    await refused('zjg.sthj.handler', '/api/tasks/merge', { taskIds: [bg.id, ag.id] }, 403, 'TG_ERR_MERGE_ROLE', [a, b]);
    const merged = await post<{ main: TaskRow; followers: TaskRow[] }>('zjg.gaj.handler', '/api/tasks/merge', { taskIds: [bg.id, ag.id] });
    expect(merged.main).toMatchObject({ id: ag.id, followers: 1 });
    expect(merged.followers.map((f) => [f.id, f.node, f.mergedInto])).toEqual([[bg.id, 'pending', ag.id]]);
    let follower = await api.detail('zjg.gaj.handler', b);
    expect(follower.ticket.mergedInto).toBeUndefined();
    expect(events(follower).slice(-1)).toEqual(['task merge pending→pending']);
    await api.refused('zjg.gaj.handler', b, 422, 'TG_ERR_FOLLOWER_LOCKED', 'task.complete', { task: bg.id }, '办结');
    await refused('zjg.gaj.handler', '/api/tasks/merge', { taskIds: [bg.id, (await task(c, 'zjg.gaj')).id] }, 422, 'TG_ERR_MERGE_FOLLOWER', [b, c]);

    // feedback on the main moves nothing: the follower stays merged; completing the main splits it
    await api.act('zjg.gaj.handler', a, 'task.feedback', { task: ag.id }, '已到现场');
    expect(Api.task(await api.detail('zjg.gaj.handler', b), 'zjg.gaj').mergedInto).toBe(ag.id);
    const version = (await api.stored(b)).version;
    await api.act('zjg.gaj.handler', a, 'task.complete', { task: ag.id }, '已处理');
    follower = await api.detail('zjg.gaj.handler', b);
    expect(Api.task(follower, 'zjg.gaj')).toMatchObject({ node: 'pending' });
    expect(Api.task(follower, 'zjg.gaj').mergedInto).toBeUndefined();
    expect(follower.ticket.version).toBe(version + 1);
    expect(follower.history.at(-1)).toMatchObject({ event: 'split', entity: { kind: 'task', id: bg.id }, data: { main: ag.id } });
    await api.act('zjg.gaj.handler', b, 'task.complete', { task: bg.id }, '已处理');

    // manual split of a follower task
    await post('zjg.sthj.handler', '/api/tasks/merge', { taskIds: [cs.id, as.id] });
    await refused('zjg.gaj.handler', `/api/tasks/${cs.id}/split`, undefined, 403, 'TG_ERR_MERGE_ROLE', [a, c]);
    await refused('zjg.sthj.handler', `/api/tasks/${as.id}/split`, undefined, 422, 'TG_ERR_NOT_MERGED', [a, c]);
    const split = await post<TaskRow>('zjg.sthj.handler', `/api/tasks/${cs.id}/split`, undefined);
    expect(split).toMatchObject({ id: cs.id, node: 'pending', mergedInto: null });

    // merged again: when the main's result is approved the open assist task is withdrawn, which releases its follower
    await post('zjg.sthj.handler', '/api/tasks/merge', { taskIds: [cs.id, as.id] });
    const review = await api.detail('zjg.reviewer', a);
    await api.act('zjg.reviewer', a, 'app.approve', { application: Api.application(review, 'result', 'zjg.gaj').id });
    expect(Api.task(await api.detail('zjg.dispatcher', a), 'zjg.sthj').node).toBe('withdrawn');
    expect(Api.task(await api.detail('zjg.dispatcher', c), 'zjg.sthj')).toMatchObject({ node: 'pending' });
    expect(Api.task(await api.detail('zjg.dispatcher', c), 'zjg.sthj').mergedInto).toBeUndefined();
    await api.act('zjg.sthj.handler', c, 'task.complete', { task: cs.id }, '已配合');
  });
});
