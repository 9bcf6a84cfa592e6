import { beforeAll, describe, expect, it } from 'vitest';
import { actedByActors, decide, extractCount, extractTickets, matchesTab, pooledNodes, type CompiledBundle, type ListRow, type TicketWorld, type Viewer } from '../../../engine/index.js';
import { centerOf, centersWithin } from '../../../engine/org/index.js';
import { builtInBundle, HOUR, Scenario } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

/** Acted-by users per ticket, from the history the scenario produced (the runtime reads it from its table). */
class ListScenario extends Scenario {
  readonly actedBy = new Map<string, Set<string>>();
  override async act(...args: Parameters<Scenario['act']>) {
    const result = await super.act(...args);
    for (const h of result.history) {
      if (!h.actor) continue;
      this.actors(h.ticket).add(h.actor.user);
      if (h.entity.kind === 'application') this.actors(h.entity.id).add(h.actor.user);
    }
    return result;
  }
  override async register(...args: Parameters<Scenario['register']>) {
    const world = await super.register(...args);
    this.actors(world.ticket.id).add(world.ticket.registeredBy);
    return world;
  }
  actors(ticket: string): Set<string> {
    let set = this.actedBy.get(ticket);
    if (!set) this.actedBy.set(ticket, (set = new Set()));
    return set;
  }
  viewer(login: string): Viewer {
    const a = this.actor(login);
    const center = centerOf(this.cb.org, a.department)?.id;
    const roles = this.cb.org.users.get(a.user)?.roles ?? [];
    return { user: a.user, department: a.department, roles, center, centers: center ? centersWithin(this.cb.org, center).map((c) => c.id) : [] };
  }
  rows(entity: 'ticket' | 'task' | 'application'): ListRow[] {
    return [...this.worlds.values()].flatMap((w: TicketWorld) => {
      const actedBy = [...this.actors(w.ticket.id)];
      if (entity === 'ticket') return [{ ticket: w.ticket, actedBy }];
      if (entity === 'task') return w.tasks.map((task) => ({ ticket: w.ticket, task, actedBy }));
      return w.applications.map((application) => ({
        ticket: w.ticket, application, task: w.tasks.find((t) => t.id === application.task), actedBy, applicationActedBy: [...this.actors(application.id)],
      }));
    });
  }
  /** Ids listed by a view tab for a user (ticket number, task department or application kind). */
  listed(viewId: string, tabKey: string, login: string, onlyMine = false): string[] {
    const view = this.cb.bundle.defs.view[viewId]!;
    const tab = view.tabs.find((t) => t.key === tabKey)!;
    return this.rows(view.entity)
      .filter((row) => matchesTab(view, tab, row, { ...this.viewer(login), actors: actedByActors(this.cb.org, view, tab, this.viewer(login)) }, { onlyMine, pooledNodes: pooledNodes(this.cb, this.viewer(login).center ?? '') }))
      .map((row) => row.application?.id ?? row.task?.id ?? row.ticket.id);
  }
}

describe('generated lists (views) show the right rows to the right users', () => {
  it('ACC-10 the acceptance pool holds unextracted tickets; an extraction takes EXTRACT_ACCEPT_CASE_NUMBER of them', async () => {
    const s = new ListScenario(cb);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const w = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.gcws', title: `工地扬尘${i}` });
      // ys forwards 工地污水 to 张家港 (upper center), where it waits in the acceptance pool
      ids.push(w.ticket.id);
      s.advance(HOUR / 4);
    }
    expect(ids.every((id) => s.node(id) === 'acceptance' && s.world(id).ticket.center === 'zjg')).toBe(true);
    expect(s.listed('view.acc.pool', 'pool', 'zjg.acceptor').sort()).toEqual([...ids].sort());
    const taken = extractTickets(ids.map((id) => s.world(id).ticket), { user: 'zjg.acceptor', center: 'zjg' }, 'acceptance', extractCount(cb));
    expect(taken).toHaveLength(extractCount(cb));
    expect(taken.map((t) => t.id)).toEqual(ids.slice(0, extractCount(cb)));
    for (const t of taken) s.worlds.set(t.id, { ...s.world(t.id), ticket: t });
    expect(s.listed('view.acc.pool', 'pool', 'zjg.acceptor')).toEqual(ids.slice(extractCount(cb)));
    // with the pool on at 张家港, an acceptor's pending list holds what he extracted, nobody else's
    expect(s.listed('view.acc.acceptance', 'pending', 'zjg.acceptor')).toEqual(ids.slice(0, extractCount(cb)));
    expect(pooledNodes(cb, 'ys').size).toBe(0);
    // accepting clears the assignment: the ticket left the pooled node
    await s.act('zjg.acceptor', 'acc.toReview', { ticket: ids[0]! }, '请审核');
    expect(s.world(ids[0]!).ticket.assignee).toBeUndefined();
  });

  it('DSP-6 difficult events are listed apart; dispatch query lists dispatched tickets, "only mine" narrows to mine', async () => {
    const s = new ListScenario(cb);
    const hard = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', difficult: true, title: '多部门扯皮的广告牌' });
    const easy = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: '普通广告牌' });
    expect(s.listed('view.dsp.difficult', 'pending', 'zjg.dispatcher')).toEqual([hard.ticket.id]);
    expect(s.listed('view.dsp.dispatch', 'pending', 'zjg.dispatcher').sort()).toEqual([hard.ticket.id, easy.ticket.id].sort());
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: hard.ticket.id }, '交办', { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.act('zjg.shiftleader2', 'dsp.assign', { ticket: easy.ticket.id }, '交办', { handling: 'mainAssist', main: 'zjg.cgj' });
    expect(s.listed('view.dsp.difficult', 'pending', 'zjg.dispatcher')).toEqual([]);
    expect(s.listed('view.dsp.difficult', 'dispatched', 'zjg.dispatcher')).toEqual([hard.ticket.id]);
    expect(s.listed('view.dsp.query', 'all', 'zjg.dispatcher').sort()).toEqual([hard.ticket.id, easy.ticket.id].sort());
    expect(s.listed('view.dsp.query', 'all', 'zjg.dispatcher', true)).toEqual([hard.ticket.id]);
    // a center's queries reach its lower centers, never the centers above or beside it
    expect(s.listed('view.dsp.query', 'all', 'sz.dispatcher').sort()).toEqual([hard.ticket.id, easy.ticket.id].sort());
    expect(s.listed('view.dsp.query', 'all', 'ys.dispatcher')).toEqual([]);
    // DSP-3: a dispatcher sees what they dispatched; the shift leader holding the dispatcher role sees everyone's
    expect(s.listed('view.dsp.dispatch', 'dispatched', 'zjg.dispatcher')).toEqual([hard.ticket.id]);
    expect(s.listed('view.dsp.dispatch', 'dispatched', 'zjg.shiftleader2').sort()).toEqual([hard.ticket.id, easy.ticket.id].sort());
  });

  it('HND-2 a department sees its tasks under 待处置, 处置中 and 已处置; HND-7 CC departments see the ticket', async () => {
    const s = new ListScenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' });
    const id = w.ticket.id;
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '交办', { handling: 'mainAssist', main: 'zjg.cgj', cc: ['zjg.gaj'] });
    const task = s.task(id, 'zjg.cgj').id;
    expect(s.listed('view.hnd.tasks', 'pending', 'zjg.cgj.handler')).toEqual([task]);
    expect(s.listed('view.hnd.tasks', 'pending', 'zjg.sthj.handler')).toEqual([]);
    expect(s.listed('view.hnd.cc', 'cc', 'zjg.gaj.handler')).toEqual([id]);
    expect(s.listed('view.hnd.cc', 'cc', 'zjg.sthj.handler')).toEqual([]);
    await s.act('zjg.cgj.handler', 'task.complete', { task }, '已拆除');
    expect(s.listed('view.hnd.tasks', 'inProgress', 'zjg.cgj.handler')).toEqual([task]);
    const result = s.application(id, 'result').id;
    expect(s.listed('view.rev.result', 'pending', 'zjg.reviewer')).toEqual([result]);
    expect(s.listed('view.rev.result', 'pending', 'ys.reviewer')).toEqual([]);
    await s.act('zjg.reviewer', 'app.approve', { application: result });
    expect(s.listed('view.hnd.tasks', 'handled', 'zjg.cgj.handler')).toEqual([task]);
    expect(s.listed('view.rev.result', 'reviewed', 'zjg.reviewer')).toEqual([result]);
  });

  it('REV-1 已审核 lists the applications the reviewer reviewed, not every application of a ticket the reviewer touched', async () => {
    const s = new ListScenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' });
    const id = w.ticket.id;
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '交办', { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    await s.act('zjg.cgj.handler', 'task.applyExtension', { task: s.task(id, 'zjg.cgj').id }, '需要协调', { amount: 2, unit: 'workDay' });
    await s.act('zjg.sthj.handler', 'task.applyExtension', { task: s.task(id, 'zjg.sthj').id }, '需要检测', { amount: 1, unit: 'workDay' });
    const main = s.application(id, 'extension', 'zjg.cgj').id;
    const assist = s.application(id, 'extension', 'zjg.sthj').id;
    expect(s.listed('view.rev.extension', 'pending', 'zjg.shiftleader').sort()).toEqual([main, assist].sort());
    await s.act('zjg.shiftleader', 'app.approve', { application: main });
    expect(s.listed('view.rev.extension', 'reviewed', 'zjg.shiftleader')).toEqual([main]);
    expect(s.listed('view.rev.extension', 'pending', 'zjg.shiftleader')).toEqual([assist]);
  });
});

describe('X-1 flow timeline and X-2 messages', () => {
  it('X-1 every step is recorded with who, when, where and the opinion', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '请分拨');
    const history = [];
    s.advance(HOUR);
    history.push(...(await s.act('zjg.dispatcher', 'dsp.assign', { ticket: w.ticket.id }, '请城管局处理', { handling: 'mainAssist', main: 'zjg.cgj' })).history);
    s.advance(HOUR);
    history.push(...(await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(w.ticket.id, 'zjg.cgj').id }, '已拆除')).history);
    expect(history.map((h) => [h.event, h.fromNode, h.toNode, h.actor?.user, h.opinion])).toEqual([
      ['dsp.assign', 'dispatch', 'handling', 'zjg.dispatcher', '请城管局处理'],
      ['task.complete', 'pending', 'completed', 'zjg.cgj.handler', '已拆除'],
    ]);
    expect(history[1]?.at).toBe(history[0]!.at + HOUR);
    expect(history.every((h) => h.ticket === w.ticket.id && h.center === 'zjg')).toBe(true);
  });

  it('X-2 applications create to-dos for their reviewer, rejections tell the applicant, urges reach the handlers', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' });
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: w.ticket.id }, '交办', { handling: 'mainAssist', main: 'zjg.cgj' });
    const applied = await s.act('zjg.cgj.handler', 'task.return', { task: s.task(w.ticket.id, 'zjg.cgj').id }, '不属于本部门职责');
    expect(applied.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'application:return', to: { department: 'zjg', role: 'shiftLeader' } }));
    const rejected = await s.act('zjg.shiftleader', 'app.reject', { application: s.application(w.ticket.id, 'return').id }, '属于城管职责');
    expect(rejected.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: { users: ['zjg.cgj.handler'], department: 'zjg.cgj' } }));
    const urged = await s.act('zjg.acceptor', 'ticket.urge', { ticket: w.ticket.id }, '请尽快处理');
    expect(urged.effects).toContainEqual(expect.objectContaining({ type: 'urge', by: 'zjg.acceptor', opinion: '请尽快处理' }));
  });
});

describe('ACC-5 an extracted ticket belongs to its extractor', () => {
  it('ACC-5 another acceptor of the same center is refused until the ticket leaves the node', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.gcws' });
    const [taken] = extractTickets([s.world(w.ticket.id).ticket], { user: 'zjg.acceptor', center: 'zjg' }, 'acceptance', 1);
    s.worlds.set(w.ticket.id, { ...s.world(w.ticket.id), ticket: taken! });
    const other = { ...s.actor('zjg.acceptor'), user: 'zjg.acceptor.colleague' };
    const refused = await decide(cb, s.world(w.ticket.id), { button: 'acc.toReview', target: { kind: 'ticket', id: w.ticket.id }, actor: other, opinion: '请审核' }, s.now, s.ids);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('ENG_EXTRACTED_BY_OTHER');
    await s.act('zjg.acceptor', 'acc.toReview', { ticket: w.ticket.id }, '请审核');
    expect(s.world(w.ticket.id).ticket.assignee).toBeUndefined();
  });

  it('ACC-5 a grid report returned by the center is listed under 退回上报 for the worker who reported it, not for other grid workers', async () => {
    const s = new ListScenario(cb);
    const w = await s.register('fh.xz.grid', 'grid.report', { item: 'item.wzgg', source: 'grid', grid: 'g.fh.xz.01', title: '描述不清' });
    await s.act('fh.acceptor', 'acc.return', { ticket: w.ticket.id }, '描述不清，请补充');
    expect(s.world(w.ticket.id).ticket).toMatchObject({ node: 'gridReturned', gridWorker: 'fh.xz.grid' });
    expect(s.listed('view.acc.grid', 'returned', 'fh.xz.grid')).toEqual([w.ticket.id]);
    expect(s.listed('view.acc.grid', 'returned', 'fh.xz.grid2')).toEqual([]);
  });
});
