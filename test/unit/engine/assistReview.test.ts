import { beforeAll, describe, expect, it } from 'vitest';
import { mayOpenTab, mayOpenView, visibleTabs, type CompiledBundle } from '../../../engine/index.js';
import { builtInBundle, Scenario } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

/**
 * 张家港: 城管局 main, 生态环境局 assist; 城管局 has completed (its result awaits review) and
 * 生态环境局, still handling, applies for 公安局's assistance: the application awaits 张家港's reviewer.
 */
async function assistPending(s: Scenario, callbackWanted = false) {
  const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', callbackWanted }, '送分拨');
  const id = w.ticket.id;
  await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
  await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已处理完毕');
  await s.act('zjg.sthj.handler', 'task.applyAssist', { task: s.task(id, 'zjg.sthj').id }, '需要公安配合', { departments: ['zjg.gaj'] });
  expect(s.application(id, 'assist')).toMatchObject({ node: 'centerReview', chain: [{ level: 'center', department: 'zjg' }] });
  return id;
}

const tasksOf = (s: Scenario, id: string) => s.world(id).tasks.map((t) => `${t.department}:${t.role}:${t.node}`).sort();

describe('REV-2 assist review (协办审核): 送值班长, 重派, 不核查结案, 网格员核查', () => {
  it('REV-2 the center\u2019s reviewer decides an assist application; the shift leader only once it is sent to him', async () => {
    const s = new Scenario(cb);
    const id = await assistPending(s);
    const app = () => s.application(id, 'assist');
    await s.refused('zjg.shiftleader', 'app.approve', { application: app().id }, 'ENG_FORBIDDEN_ROLE');
    await s.refused('sz.reviewer', 'app.toShiftLeader', { application: app().id }, 'ENG_OUT_OF_SCOPE', '拿不准');
    const sent = await s.act('zjg.reviewer', 'app.toShiftLeader', { application: app().id }, '拿不准，请值班长审核');
    expect(app()).toMatchObject({ node: 'shiftLeaderReview' });
    expect(sent.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: { department: 'zjg', role: 'shiftLeader' } }));
    // now the shift leader's, no longer the reviewer's
    await s.refused('zjg.reviewer', 'app.approve', { application: app().id }, 'ENG_FORBIDDEN_ROLE');
    await s.refused('zjg.reviewer', 'app.toShiftLeader', { application: app().id }, 'ENG_NOT_AVAILABLE', '再送');
    await s.refused('ys.shiftleader', 'app.approve', { application: app().id }, 'ENG_OUT_OF_SCOPE');
    await s.act('zjg.shiftleader', 'app.approve', { application: app().id }, '同意协办');
    expect(app()).toMatchObject({ node: 'approved' });
    expect(tasksOf(s, id)).toEqual(['zjg.cgj:main:completed', 'zjg.gaj:assist:pending', 'zjg.sthj:assist:pending']);
  });

  it('REV-2 a shift leader\u2019s rejection tells the applicant, who goes on handling', async () => {
    const s = new Scenario(cb);
    const id = await assistPending(s);
    await s.act('zjg.reviewer', 'app.toShiftLeader', { application: s.application(id, 'assist').id }, '请值班长定夺');
    const r = await s.act('zjg.shiftleader', 'app.reject', { application: s.application(id, 'assist').id }, '无需公安配合');
    expect(s.application(id, 'assist').node).toBe('rejected');
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: { users: ['zjg.sthj.handler'], department: 'zjg.sthj' } }));
    expect(s.task(id, 'zjg.sthj').node).toBe('pending');
  });

  it('REV-2 only assist applications go to the shift leader', async () => {
    const s = new Scenario(cb);
    const id = await assistPending(s);
    const r = await s.refused('zjg.reviewer', 'app.toShiftLeader', { application: s.application(id, 'result').id }, 'ENG_RULE_REFUSED', '送值班长');
    if (!r.ok) expect(r.error.params.reason).toBe('只有协办申请可送值班长审核');
  });

  it('REV-2 重派: tasks not yet approved are withdrawn with their applications (the pending result too), the chosen departments get a new round', async () => {
    const s = new Scenario(cb);
    const id = await assistPending(s);
    await s.refused('zjg.shiftleader', 'rev.reassign', { ticket: id }, 'ENG_FORBIDDEN_ROLE', '重派', { handling: 'mainAssist', main: 'zjg.zjj' });
    await s.act('zjg.reviewer', 'rev.reassign', { ticket: id }, '处置不到位，重派住建局', { handling: 'mainAssist', main: 'zjg.zjj', assists: ['zjg.gaj'] });
    expect(s.node(id)).toBe('handling');
    expect(s.application(id, 'assist').node).toBe('withdrawn');
    // the rejected handling's result no longer awaits review
    expect(s.application(id, 'result', 'zjg.cgj').node).toBe('withdrawn');
    expect(tasksOf(s, id)).toEqual(['zjg.cgj:main:withdrawn', 'zjg.gaj:assist:pending', 'zjg.sthj:assist:withdrawn', 'zjg.zjj:main:pending']);
    expect(s.world(id).ticket.dispatch).toMatchObject({ round: 2, handling: 'mainAssist' });
    await s.refused('zjg.reviewer', 'app.approve', { application: s.application(id, 'result', 'zjg.cgj').id }, 'ENG_FORBIDDEN_ROLE');
    // the new round's main decides the ticket
    const zjj = s.world(id).tasks.find((t) => t.department === 'zjg.zjj')!;
    await s.act('zjg.zjj.handler', 'task.complete', { task: zjj.id }, '已重新处置');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result', 'zjg.zjj').id });
    expect(s.node(id)).toBe('closing');
  });

  it('REV-2 不核查结案: on to callback or closing once the main is done, as its approval would (REV-1); the assist still handling is withdrawn', async () => {
    const s = new Scenario(cb);
    const closing = await assistPending(s);
    await s.act('zjg.reviewer', 'rev.closeWithoutCheck', { ticket: closing }, '无需核查，直接结案');
    expect(s.node(closing)).toBe('closing');
    expect(s.application(closing, 'assist').node).toBe('withdrawn');
    expect(tasksOf(s, closing)).toEqual(['zjg.cgj:main:approved', 'zjg.sthj:assist:withdrawn']);

    const callback = await assistPending(s, true);
    await s.act('zjg.reviewer', 'rev.closeWithoutCheck', { ticket: callback }, '无需核查');
    expect(s.node(callback)).toBe('callback');

    // the main still handling: refused as 送核查 is
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: w.ticket.id }, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    const r = await s.refused('zjg.reviewer', 'rev.closeWithoutCheck', { ticket: w.ticket.id }, 'ENG_RULE_REFUSED', '结案');
    if (!r.ok) expect(r.error.params.reason).toMatch(/主办任务办结/);
  });

  it('REV-2 不核查结案 passes the handling: the results awaiting review are approved in the same decision, none stays in 结果审核', async () => {
    const s = new Scenario(cb);
    const id = await assistPending(s);
    const result = s.application(id, 'result', 'zjg.cgj');
    expect(result.node).toBe('centerReview');
    const r = await s.act('zjg.reviewer', 'rev.closeWithoutCheck', { ticket: id }, '无需核查，直接结案');
    expect(s.node(id)).toBe('closing');
    expect(s.application(id, 'result', 'zjg.cgj')).toMatchObject({ node: 'approved', decidedAt: s.now });
    expect(tasksOf(s, id)).toEqual(['zjg.cgj:main:approved', 'zjg.sthj:assist:withdrawn']);
    // recorded as the reviewer's, and nothing left to approve
    expect(r.history).toContainEqual(expect.objectContaining({
      entity: { kind: 'application', id: result.id }, event: '$handling.accepted', fromNode: 'centerReview', toNode: 'approved', actor: { user: 'zjg.reviewer', department: 'zjg' },
    }));
    await s.refused('zjg.reviewer', 'app.approve', { application: result.id }, 'ENG_FORBIDDEN_ROLE');

    // multi-department: every completed department's result is approved, the ticket goes on to callback once
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', callbackWanted: true }, '送分拨');
    const multi = w.ticket.id;
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: multi }, '请处理', { handling: 'multi', departments: ['zjg.cgj', 'zjg.sthj'] });
    await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(multi, 'zjg.cgj').id }, '已处理');
    await s.act('zjg.sthj.handler', 'task.complete', { task: s.task(multi, 'zjg.sthj').id }, '已处理');
    await s.act('zjg.reviewer', 'rev.closeWithoutCheck', { ticket: multi }, '无需核查');
    expect(s.node(multi)).toBe('callback');
    expect(s.world(multi).applications.filter((a) => a.kind === 'result').map((a) => `${a.applicant.department}:${a.node}`).sort())
      .toEqual(['zjg.cgj:approved', 'zjg.sthj:approved']);
    expect(tasksOf(s, multi)).toEqual(['zjg.cgj:multi:approved', 'zjg.sthj:multi:approved']);
  });

  it('REV-2 网格员核查 sends the handling to a grid worker; the assist application waits for its review', async () => {
    const s = new Scenario(cb);
    const id = await assistPending(s);
    await s.act('zjg.reviewer', 'rev.toCheck', { ticket: id }, '请网格员核查处置情况');
    expect(s.world(id).ticket).toMatchObject({ node: 'check', gridWorker: 'ys.dq.grid' });
    expect(s.application(id, 'assist').node).toBe('centerReview');
  });
});

describe('REV-2 协办审核 tabs by role: a button the user may not press is not shown', () => {
  const keys = (roles: string[]) => visibleTabs(cb.bundle.defs.view['view.rev.assist']!, roles).map((t) => t.key);

  it('REV-2 the reviewer sees 待审核, the shift leader 待值班长审核, both 已审核; one holding both roles sees all', () => {
    expect(keys(['reviewer'])).toEqual(['pending', 'reviewed']);
    expect(keys(['shiftLeader'])).toEqual(['shiftLeader', 'reviewed']);
    expect(keys(['shiftLeader', 'dispatcher'])).toEqual(['shiftLeader', 'reviewed']);
    expect(keys(['reviewer', 'shiftLeader'])).toEqual(['pending', 'shiftLeader', 'reviewed']);
    expect(keys(['dispatcher'])).toEqual([]);
  });

  it('REV-2 a tab without roles is for every role of the view; a tab role outside the view\u2019s roles opens nothing', () => {
    const view = cb.bundle.defs.view['view.rev.assist']!;
    expect(mayOpenView(view, ['dispatcher'])).toBe(false);
    expect(mayOpenView(view, ['shiftLeader'])).toBe(true);
    const odd = { ...view, tabs: [{ ...view.tabs[0]!, roles: ['dispatcher'] }] };
    expect(mayOpenTab(odd, odd.tabs[0]!, ['dispatcher'])).toBe(false);
    expect(mayOpenView(odd, ['reviewer', 'dispatcher'])).toBe(false);
  });
});
