import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationKind, CompiledBundle } from '../../../engine/index.js';
import { builtInBundle, Scenario } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

async function assigned(s: Scenario, payload: Record<string, unknown>, callbackWanted = false) {
  const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', callbackWanted }, '送分拨');
  await s.act('zjg.dispatcher', 'dsp.assign', { ticket: w.ticket.id }, '请处理', payload);
  return w.ticket.id;
}

/** A department completes its task and the center's reviewer approves the result. */
async function finish(s: Scenario, id: string, department: string, center = 'zjg') {
  await s.act(`${department}.handler`, 'task.complete', { task: s.task(id, department).id }, '已处理完毕');
  await s.act(`${center}.reviewer`, 'app.approve', { application: s.application(id, 'result', department).id });
}

/** A department's return, approved by the center's shift leader. */
async function returned(s: Scenario, id: string, department: string, center = 'zjg') {
  await s.act(`${department}.handler`, 'task.return', { task: s.task(id, department).id }, '非本部门职责');
  await s.act(`${center}.shiftleader`, 'app.approve', { application: s.application(id, 'return', department).id });
}

/** 暴露垃圾 registered at 苏州, auto-delegated to 张家港, accepted there and auto-assigned to its departments. */
async function upperAssigned(s: Scenario, callbackWanted = true) {
  const w = await s.register('sz.acceptor', 'acc.toDispatch', { item: 'item.bllj', callbackWanted }, '交办张家港');
  await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: w.ticket.id }, '送分拨');
  expect(s.world(w.ticket.id).ticket).toMatchObject({ node: 'handling', center: 'zjg', source: 'upper' });
  return w.ticket.id;
}

describe('REV-1 result review', () => {
  it('REV-1 main+assist: assist results do not move the ticket, the main\u2019s approval does', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] }, true);
    await finish(s, id, 'zjg.sthj');
    expect(s.task(id, 'zjg.sthj').node).toBe('approved');
    expect(s.node(id)).toBe('handling');
    await finish(s, id, 'zjg.cgj');
    expect(s.node(id)).toBe('callback');
  });

  it('REV-1 main+assist: the main\u2019s approval moves the ticket even while an assist is still working', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    await finish(s, id, 'zjg.cgj');
    expect(s.node(id)).toBe('closing');
    // the assist's work is no longer needed: it leaves the unit's 待处置 list
    expect(s.task(id, 'zjg.sthj').node).toBe('withdrawn');
  });

  it('REV-1 multi-department: only the last approval moves the ticket', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj', 'zjg.swj'] });
    await finish(s, id, 'zjg.sthj');
    await finish(s, id, 'zjg.zjj');
    expect(s.node(id)).toBe('handling');
    await finish(s, id, 'zjg.swj');
    expect(s.node(id)).toBe('closing');
  });

  it('REV-1 a rejected result sends the task back to pending and tells the department', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已处理');
    const r = await s.act('zjg.reviewer', 'app.reject', { application: s.application(id, 'result').id }, '现场未整改');
    expect(s.application(id, 'result').node).toBe('rejected');
    expect(s.task(id, 'zjg.cgj').node).toBe('pending');
    expect(s.node(id)).toBe('handling');
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: { users: ['zjg.cgj.handler'], department: 'zjg.cgj' }, data: { application: s.application(id, 'result').id, kind: 'result' } }));
    // a decided application has no reviewer any more
    await s.refused('zjg.reviewer', 'app.reject', { application: s.application(id, 'result').id }, 'ENG_FORBIDDEN_ROLE');
  });

  it('REV-1/REV-7 main+assist: send to check only once the main is done; the check comes back to review', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    await finish(s, id, 'zjg.sthj');
    const r = await s.refused('zjg.reviewer', 'rev.toCheck', { ticket: id }, 'ENG_RULE_REFUSED', '请核查');
    if (!r.ok) expect(r.error.params.reason).toMatch(/主办任务办结/);
    await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已处理');
    await s.refused('zjg.shiftleader', 'rev.toCheck', { ticket: id }, 'ENG_FORBIDDEN_ROLE', '请核查');
    await s.act('zjg.reviewer', 'rev.toCheck', { ticket: id }, '请网格员核查');
    expect(s.world(id).ticket).toMatchObject({ node: 'check', gridWorker: 'ys.dq.grid' });
    await s.act('zjg.reviewer', 'chk.changeGridWorker', { ticket: id }, undefined, { gridWorker: 'ys.hq.grid' });
    const urged = await s.act('zjg.reviewer', 'ticket.urgeGrid', { ticket: id }, '请尽快核查');
    expect(urged.effects).toEqual([expect.objectContaining({ type: 'urge', to: { users: ['ys.hq.grid'] } })]);
    await s.refused('ys.dq.grid', 'chk.submit', { ticket: id }, 'ENG_OUT_OF_SCOPE', '已解决', { resolved: true });
    await s.act('ys.hq.grid', 'chk.submit', { ticket: id }, '现场已整改', { resolved: true });
    expect(s.node(id)).toBe('handling');
    expect(s.world(id).ticket.outcome?.check).toMatchObject({ resolved: true, by: 'ys.hq.grid' });
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result', 'zjg.cgj').id });
    expect(s.node(id)).toBe('closing');
  });

  it('REV-7 a result approved while the check is out moves the ticket on when the check comes back', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已处理');
    await s.act('zjg.reviewer', 'rev.toCheck', { ticket: id }, '请网格员核查');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result').id });
    expect(s.node(id)).toBe('check');
    await s.act('ys.dq.grid', 'chk.submit', { ticket: id }, '已整改', { resolved: true });
    expect(s.node(id)).toBe('closing');
  });

  it('REV-1 multi-department: send to check only once every task is done', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    await s.act('zjg.sthj.handler', 'task.complete', { task: s.task(id, 'zjg.sthj').id }, '已处理');
    await s.refused('zjg.reviewer', 'rev.toCheck', { ticket: id }, 'ENG_RULE_REFUSED', '请核查');
    await s.act('zjg.zjj.handler', 'task.complete', { task: s.task(id, 'zjg.zjj').id }, '已处理');
    await s.act('zjg.reviewer', 'rev.toCheck', { ticket: id }, '请核查');
    expect(s.node(id)).toBe('check');
  });
});

describe('REV-3/REV-4/REV-6 reviews of an upper-assigned ticket climb to the upper center', () => {
  const climbing: [string, ApplicationKind, Record<string, unknown>][] = [
    ['task.applyExtension', 'extension', { amount: 1, unit: 'workDay' }],
    ['task.applySuspension', 'suspension', {}],
    ['task.applyTransfer', 'transfer', { department: 'zjg.zjj' }],
  ];
  for (const [button, kind, payload] of climbing) {
    it(`REV-3/4/6 ${kind}: 张家港's shift leader passes it on to 苏州's shift leader, whose approval applies it`, async () => {
      const s = new Scenario(cb);
      const id = await upperAssigned(s);
      await s.act('zjg.cgj.handler', button, { task: s.task(id, 'zjg.cgj').id }, '申请', payload);
      const app = s.application(id, kind);
      expect(app.chain).toEqual([{ level: 'center', department: 'zjg' }, { level: 'upper', department: 'sz' }]);
      await s.refused('sz.shiftleader', 'app.approve', { application: app.id }, 'ENG_OUT_OF_SCOPE');
      await s.act('zjg.shiftleader', 'app.approve', { application: app.id });
      expect(s.application(id, kind)).toMatchObject({ node: 'upperReview', step: 1 });
      expect(s.task(id, 'zjg.cgj').node).toBe('pending');
      await s.refused('zjg.shiftleader', 'app.approve', { application: app.id }, 'ENG_OUT_OF_SCOPE');
      await s.act('sz.shiftleader', 'app.approve', { application: app.id });
      expect(s.application(id, kind).node).toBe('approved');
      const cgj = s.world(id).tasks.find((t) => t.department === 'zjg.cgj')!;
      if (kind === 'extension') expect(cgj.clocks['stage:pending']?.extensions).toHaveLength(1);
      if (kind === 'suspension') expect(cgj.node).toBe('suspended');
      if (kind === 'transfer') expect([cgj.node, s.task(id, 'zjg.zjj').node]).toEqual(['transferred', 'pending']);
    });
  }

  it('REV-2/REV-5 assist and return applications of an upper-assigned ticket stay at the lower center', async () => {
    const s = new Scenario(cb);
    const id = await upperAssigned(s);
    await s.act('zjg.sthj.handler', 'task.applyAssist', { task: s.task(id, 'zjg.sthj').id }, '需配合', { departments: ['zjg.swj'] });
    expect(s.application(id, 'assist').chain).toEqual([{ level: 'center', department: 'zjg' }]);
    await s.act('zjg.sthj.handler', 'task.return', { task: s.task(id, 'zjg.sthj').id }, '退回');
    expect(s.application(id, 'return').chain).toEqual([{ level: 'center', department: 'zjg' }]);
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'return').id });
    expect(s.application(id, 'return').node).toBe('approved');
  });

  it('REV-3 a rejection by the upper center tells the applicant and leaves the stage deadline alone', async () => {
    const s = new Scenario(cb);
    const id = await upperAssigned(s);
    await s.act('zjg.cgj.handler', 'task.applyExtension', { task: s.task(id, 'zjg.cgj').id }, '申请', { amount: 2, unit: 'workDay' });
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'extension').id });
    const r = await s.act('sz.shiftleader', 'app.reject', { application: s.application(id, 'extension').id }, '不予延期');
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: { users: ['zjg.cgj.handler'], department: 'zjg.cgj' } }));
    expect(s.task(id, 'zjg.cgj').clocks['stage:pending']?.extensions).toHaveLength(0);
  });
});

describe('REV-1 leaving handling withdraws the work still open', () => {
  it('REV-1 when the main’s result moves the ticket on, an assist still handling is withdrawn with its pending applications', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj', 'zjg.zjj'] }, true);
    await s.act('zjg.sthj.handler', 'task.applyExtension', { task: s.task(id, 'zjg.sthj').id }, '需要时间', { amount: 1, unit: 'workDay' });
    await s.act('zjg.zjj.handler', 'task.complete', { task: s.task(id, 'zjg.zjj').id }, '已配合完成');
    await finish(s, id, 'zjg.cgj');
    expect(s.node(id)).toBe('callback');
    expect(s.task(id, 'zjg.sthj').node).toBe('withdrawn');
    expect(s.application(id, 'extension', 'zjg.sthj').node).toBe('withdrawn');
    // a completed assist keeps its result review
    expect(s.task(id, 'zjg.zjj').node).toBe('completed');
    expect(s.application(id, 'result', 'zjg.zjj').node).toBe('centerReview');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result', 'zjg.zjj').id });
    expect(s.task(id, 'zjg.zjj').node).toBe('approved');
    expect(s.node(id)).toBe('callback');
  });
});

describe('REV-5 return review', () => {
  it('REV-5 a main department\u2019s return puts the ticket back at dispatch', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    await returned(s, id, 'zjg.cgj');
    expect(s.world(id).ticket).toMatchObject({ node: 'dispatch', returned: true });
  });

  it('REV-5 an assist return has no flow effect', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    await returned(s, id, 'zjg.sthj');
    expect(s.task(id, 'zjg.sthj').node).toBe('returned');
    expect(s.world(id).ticket).toMatchObject({ node: 'handling', returned: false });
    await finish(s, id, 'zjg.cgj');
    expect(s.node(id)).toBe('closing');
  });

  it('REV-5 multi: the last return with the others approved goes on to callback', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] }, true);
    await finish(s, id, 'zjg.sthj');
    await returned(s, id, 'zjg.zjj');
    expect(s.world(id).ticket).toMatchObject({ node: 'callback', returned: false });
  });

  it('REV-5 multi: a return that is not the last waits; when all are returned the ticket is back at dispatch', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    await returned(s, id, 'zjg.sthj');
    expect(s.node(id)).toBe('handling');
    await returned(s, id, 'zjg.zjj');
    expect(s.world(id).ticket).toMatchObject({ node: 'dispatch', returned: true });
  });
});

describe('REV-1/X-8 upper-center result review of an upper-assigned ticket', () => {
  it('REV-1 after 张家港 approves the result the ticket goes to 苏州\u2019s upper review; approval → callback there', async () => {
    const s = new Scenario(cb);
    const id = await upperAssigned(s);
    await finish(s, id, 'zjg.cgj');
    expect(s.world(id).ticket).toMatchObject({ node: 'upperReview', center: 'sz' });
    await s.refused('zjg.shiftleader', 'uprev.approve', { ticket: id }, 'ENG_OUT_OF_SCOPE');
    await s.refused('sz.acceptor', 'uprev.approve', { ticket: id }, 'ENG_FORBIDDEN_ROLE');
    await s.act('sz.shiftleader', 'uprev.approve', { ticket: id }, '同意');
    expect(s.world(id).ticket).toMatchObject({ node: 'callback', center: 'sz' });
    await s.act('sz.acceptor', 'cb.submit', { ticket: id }, '满意', { satisfaction: 'satisfied' });
    await s.act('sz.shiftleader', 'cls.close', { ticket: id });
    expect(s.node(id)).toBe('closed');
  });

  it('REV-1 without a callback the upper approval goes to closing', async () => {
    const s = new Scenario(cb);
    const id = await upperAssigned(s, false);
    await finish(s, id, 'zjg.cgj');
    await s.act('sz.shiftleader', 'uprev.approve', { ticket: id });
    expect(s.world(id).ticket).toMatchObject({ node: 'closing', center: 'sz' });
  });

  it('REV-1/X-8 the upper center\u2019s rejection goes back to its own acceptor for re-acceptance', async () => {
    const s = new Scenario(cb);
    const id = await upperAssigned(s);
    await finish(s, id, 'zjg.cgj');
    const r = await s.act('sz.shiftleader', 'uprev.reject', { ticket: id }, '处置不到位，重新受理');
    expect(s.world(id).ticket).toMatchObject({ node: 'acceptance', center: 'sz' });
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: { department: 'sz' } }));
    // re-accepted at 苏州 and delegated again: a new round at 张家港
    await s.act('sz.acceptor', 'acc.toDispatch', { ticket: id }, '再次交办');
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    expect(s.world(id).ticket).toMatchObject({ node: 'handling', center: 'zjg', dispatch: { round: 2 } });
    const fresh = s.world(id).tasks.filter((t) => t.round === 2).map((t) => `${t.department}:${t.node}`);
    expect(fresh.sort()).toEqual(['zjg.cgj.hws:pending', 'zjg.cgj:pending', 'zjg.sthj:pending']);
  });
});
