import { beforeAll, describe, expect, it } from 'vitest';
import {
  chooseMainTask, chooseMainTicket, decide, mergeTask, mergeTickets, mirrorFollowers, mirrorTaskFollowers, splitTicket,
  taskMergeCandidates, ticketMergeCandidates, type CompiledBundle, type TicketWorld,
} from '../../../engine/index.js';
import { builtInBundle, HOUR, Scenario } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

const actor = { user: 'zjg.acceptor', department: 'zjg' };

async function twoAtDispatch(s: Scenario): Promise<[TicketWorld, TicketWorld]> {
  const a = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.ys.dq.01', title: '违规广告牌' });
  s.advance(HOUR);
  const b = await s.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg', grid: 'g.ys.dq.01', title: '广告牌又挂出来了' });
  return [s.world(a.ticket.id), s.world(b.ticket.id)];
}

describe('ACC-3 ticket merge', () => {
  it('ACC-3 candidates share grid, channel and source center and are not behind the current ticket', async () => {
    const s = new Scenario(cb);
    const [a, b] = await twoAtDispatch(s);
    const other = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.fh.xz.01' });
    const web = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.ys.dq.01', channel: 'web' });
    const { unmerged, merged } = ticketMergeCandidates(b.ticket, [a, other, web]);
    expect(unmerged.map((t) => t.id)).toEqual([a.ticket.id]);
    expect(merged).toEqual([]);
  });

  it('ACC-3 multi-select picks the main by status 待处置 > 分拨审核 > 待分拨 > 受理审核 > 待受理, then the earliest report', async () => {
    const s = new Scenario(cb);
    const [a, b] = await twoAtDispatch(s);
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: b.ticket.id });
    const later = s.world(b.ticket.id).ticket;
    expect(chooseMainTicket([later, a.ticket]).id).toBe(a.ticket.id);
    await s.act('zjg.dispatcher', 'dsp.toReview', { ticket: b.ticket.id });
    expect(chooseMainTicket([a.ticket, s.world(b.ticket.id).ticket]).id).toBe(b.ticket.id);
  });

  it('ACC-3 a follower takes the main\u2019s step, gets mirror tasks in handling and cannot be operated alone', async () => {
    const s = new Scenario(cb);
    const [a, b] = await twoAtDispatch(s);
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: a.ticket.id }, '交办', { handling: 'mainAssist', main: 'zjg.cgj' });
    const { followers, history } = mergeTickets(s.world(a.ticket.id), [b], actor, s.now, s.ids);
    const f = followers[0]!;
    expect(f.ticket).toMatchObject({ node: 'handling', mergedInto: a.ticket.id, center: 'zjg' });
    expect(f.tasks).toHaveLength(1);
    expect(f.tasks[0]).toMatchObject({ department: 'zjg.cgj', viaTicketMerge: true, mergedInto: s.task(a.ticket.id, 'zjg.cgj').id });
    expect(history[0]).toMatchObject({ event: 'merge', ticket: b.ticket.id });
    const refused = await decide(cb, f, { button: 'task.complete', target: { kind: 'task', id: f.tasks[0]!.id }, actor: s.actor('zjg.cgj.handler'), opinion: '办结' }, s.now, s.ids);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('ENG_FOLLOWER_LOCKED');

    // the main's task completes and its result is approved: the mirror task splits only then
    const main = s.task(a.ticket.id, 'zjg.cgj');
    await s.act('zjg.cgj.handler', 'task.complete', { task: main.id }, '已拆除');
    let mirrored = mirrorFollowers(s.world(a.ticket.id), [f], false, s.now, s.ids).followers[0]!;
    expect(mirrored.tasks[0]).toMatchObject({ node: 'completed', mergedInto: main.id });
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(a.ticket.id, 'result').id });
    mirrored = mirrorFollowers(s.world(a.ticket.id), [mirrored], false, s.now, s.ids).followers[0]!;
    expect(mirrored.tasks[0]?.node).toBe('approved');
    expect(mirrored.tasks[0]?.mergedInto).toBeUndefined();
    expect(mirrored.ticket.node).toBe(s.node(a.ticket.id));
  });

  it('DSP-2 returning the main splits its followers where they stand', async () => {
    const s = new Scenario(cb);
    const [a, b] = await twoAtDispatch(s);
    const f = mergeTickets(a, [b], actor, s.now, s.ids).followers[0]!;
    expect(f.ticket.node).toBe('dispatch');
    const ret = await s.act('zjg.dispatcher', 'dsp.returnToAcceptor', { ticket: a.ticket.id }, '信息不全');
    expect(ret.effects).toContainEqual({ type: 'splitFollowers', ticket: a.ticket.id });
    const { followers, history } = mirrorFollowers(s.world(a.ticket.id), [f], true, s.now, s.ids);
    expect(followers[0]?.ticket.mergedInto).toBeUndefined();
    expect(followers[0]?.ticket.node).toBe('dispatch');
    expect(history[0]?.event).toBe('split');
  });

  it('ACC-3 a manual split leaves the follower running alone', async () => {
    const s = new Scenario(cb);
    const [a, b] = await twoAtDispatch(s);
    const f = mergeTickets(a, [b], actor, s.now, s.ids).followers[0]!;
    const { world } = splitTicket(f, s.now, s.ids, 'manual');
    const res = await decide(cb, world, { button: 'dsp.toReview', target: { kind: 'ticket', id: world.ticket.id }, actor: s.actor('zjg.dispatcher'), opinion: '送审' }, s.now, s.ids);
    expect(res.ok && res.world.ticket.node).toBe('dispatchReview');
  });
});

describe('HND-3 task merge', () => {
  async function twoInHandling(s: Scenario) {
    const ids: string[] = [];
    for (const title of ['噪声扰民一', '噪声扰民二']) {
      const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.shzs', grid: 'g.ys.dq.01', title });
      await s.act('zjg.dispatcher', 'dsp.assign', { ticket: w.ticket.id }, '交办', { handling: 'mainAssist', main: 'zjg.gaj', assists: ['zjg.sthj'] });
      ids.push(w.ticket.id);
      s.advance(HOUR);
    }
    return ids as [string, string];
  }

  it('HND-3 candidates are the same department\u2019s open tasks on matching tickets; the earliest task is the main', async () => {
    const s = new Scenario(cb);
    const [a, b] = await twoInHandling(s);
    const { unmerged } = taskMergeCandidates(s.world(b), s.task(b, 'zjg.gaj').id, [s.world(a)]);
    expect(unmerged.map((c) => c.task.id)).toEqual([s.task(a, 'zjg.gaj').id]);
    expect(chooseMainTask([s.task(b, 'zjg.gaj'), s.task(a, 'zjg.gaj')]).id).toBe(s.task(a, 'zjg.gaj').id);
  });

  it('HND-3 a completed main task splits its followers automatically', async () => {
    const s = new Scenario(cb);
    const [a, b] = await twoInHandling(s);
    const main = s.task(a, 'zjg.gaj');
    const merged = mergeTask(main, s.world(b), s.task(b, 'zjg.gaj').id, actor, s.now, s.ids).world;
    expect(merged.tasks.find((t) => t.department === 'zjg.gaj')?.mergedInto).toBe(main.id);
    const done = await s.act('zjg.gaj.handler', 'task.complete', { task: main.id }, '已处理');
    expect(done.effects).toContainEqual({ type: 'splitFollowers', ticket: a, task: main.id });
    const { followers } = mirrorTaskFollowers(s.world(a).tasks, [merged], new Set([main.id]), s.now, s.ids);
    const follower = followers[0]!.tasks.find((t) => t.department === 'zjg.gaj')!;
    expect(follower.mergedInto).toBeUndefined();
    expect(follower.node).toBe('pending');
  });
});

describe('HND-3 closed main tasks release their followers', () => {
  it('HND-3 a follower of a withdrawn main task is split, and withdrawn tasks are no merge candidates', async () => {
    const s = new Scenario(cb);
    const ids: string[] = [];
    for (const title of ['噪声一', '噪声二']) {
      const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.shzs', grid: 'g.ys.dq.01', title });
      await s.act('zjg.dispatcher', 'dsp.assign', { ticket: w.ticket.id }, '交办', { handling: 'mainAssist', main: 'zjg.gaj', assists: ['zjg.sthj'] });
      ids.push(w.ticket.id);
    }
    const [a, b] = ids as [string, string];
    const mainAssist = s.task(a, 'zjg.sthj');
    const merged = mergeTask(mainAssist, s.world(b), s.task(b, 'zjg.sthj').id, actor, s.now, s.ids).world;
    await s.act('zjg.gaj.handler', 'task.complete', { task: s.task(a, 'zjg.gaj').id }, '已处理');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(a, 'result', 'zjg.gaj').id });
    expect(s.task(a, 'zjg.sthj').node).toBe('withdrawn');
    const { followers } = mirrorTaskFollowers(s.world(a).tasks, [merged], new Set(), s.now, s.ids);
    const released = followers[0]!.tasks.find((t) => t.department === 'zjg.sthj')!;
    expect(released.mergedInto).toBeUndefined();
    expect(released.node).toBe('pending');
    const { unmerged } = taskMergeCandidates(followers[0]!, released.id, [s.world(a)]);
    expect(unmerged).toEqual([]);
  });
});
