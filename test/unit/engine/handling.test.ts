import { beforeAll, describe, expect, it } from 'vitest';
import { previewExtension, type CompiledBundle, type DecideSuccess } from '../../../engine/index.js';
import { builtInBundle, HOUR, Scenario } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

/** 违规设置户外广告 assigned by hand at `center`. */
async function assigned(s: Scenario, payload: Record<string, unknown>, center = 'zjg') {
  const w = await s.register(`${center}.acceptor`, 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
  await s.act(`${center}.dispatcher`, 'dsp.assign', { ticket: w.ticket.id }, '请处理', payload);
  return w.ticket.id;
}

/** 暴露垃圾 at 张家港: 城管局 main (with 环卫所 as its sub-unit), 生态环境局 assist. */
async function withSubUnit(s: Scenario) {
  const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.bllj' }, '送分拨');
  return w.ticket.id;
}

function approval(r: DecideSuccess) {
  return r.history.find((h) => h.event === 'app.approve')!;
}

describe('HND-1 department task actions', () => {
  it('HND-1 stage feedback has no flow effect and is kept in the history', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    const task = s.task(id, 'zjg.cgj');
    const r = await s.act('zjg.cgj.handler', 'task.feedback', { task: task.id }, '已到现场，正在拆除');
    expect(s.task(id, 'zjg.cgj').node).toBe('pending');
    expect(s.node(id)).toBe('handling');
    expect(r.history).toHaveLength(1);
    expect(r.history[0]).toMatchObject({ event: 'task.feedback', fromNode: 'pending', toNode: 'pending', data: { feedback: '已到现场，正在拆除' } });
    expect(s.world(id).applications).toHaveLength(0);
  });

  it('HND-1 sub-dispatch to sub-units (or a lower center\u2019s units) creates child tasks', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    const parent = s.task(id, 'zjg.cgj');
    await s.act('zjg.cgj.handler', 'task.subDispatch', { task: parent.id }, '请环卫所处理', { handling: 'mainAssist', main: 'zjg.cgj.hws', assists: ['zjg.cgj.zfdd'] });
    expect(s.task(id, 'zjg.cgj.hws')).toMatchObject({ parent: parent.id, role: 'main', node: 'pending' });
    expect(s.task(id, 'zjg.cgj.zfdd')).toMatchObject({ parent: parent.id, role: 'assist' });
    await s.refused('zjg.cgj.handler', 'task.subDispatch', { task: parent.id }, 'ENG_INVALID_PAYLOAD', '下派', { handling: 'mainAssist', main: 'zjg.sthj' });
    await s.act('zjg.cgj.handler', 'task.subDispatch', { task: parent.id }, '请镇城管中队处理', { handling: 'mainAssist', main: 'ys.cgzd' });
    expect(s.task(id, 'ys.cgzd').parent).toBe(parent.id);
    expect(s.task(id, 'zjg.cgj').node).toBe('pending');
  });

  it('HND-1 a town department with no sub-units and no lower center cannot sub-dispatch', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'ys.cgzd' }, 'ys');
    const r = await s.refused('ys.cgzd.handler', 'task.subDispatch', { task: s.task(id, 'ys.cgzd').id }, 'ENG_RULE_REFUSED', '下派', { handling: 'mainAssist', main: 'ys.jsb' });
    if (!r.ok) expect(r.error.params.reason).toBe('本部门没有下级单位或下级中心');
  });

  it('HND-1 complete sends the result to the center\u2019s result review', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已拆除');
    expect(s.task(id, 'zjg.cgj').node).toBe('completed');
    const result = s.application(id, 'result');
    expect(result).toMatchObject({ node: 'centerReview', chain: [{ level: 'center', department: 'zjg' }], applicant: { user: 'zjg.cgj.handler', department: 'zjg.cgj' }, payload: { opinion: '已拆除' } });
    expect(cb.bindingOf(result.flow, result.node, 'result')?.role).toBe('reviewer');
    await s.refused('zjg.shiftleader', 'app.approve', { application: result.id }, 'ENG_FORBIDDEN_ROLE');
    await s.refused('ys.reviewer', 'app.approve', { application: result.id }, 'ENG_OUT_OF_SCOPE');
  });

  it('HND-1/REV-6 transfer: on approval the target department handles and the old task is transferred', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    const old = s.task(id, 'zjg.cgj');
    await s.refused('zjg.cgj.handler', 'task.applyTransfer', { task: old.id }, 'ENG_INVALID_PAYLOAD', '转派', { department: 'ys.cgzd' });
    await s.refused('zjg.cgj.handler', 'task.applyTransfer', { task: old.id }, 'ENG_INVALID_PAYLOAD', '转派', { department: 'zjg.cgj' });
    await s.act('zjg.cgj.handler', 'task.applyTransfer', { task: old.id }, '属住建职责', { department: 'zjg.zjj' });
    await s.refused('zjg.cgj.handler', 'task.applyTransfer', { task: old.id }, 'ENG_RULE_REFUSED', '再转派', { department: 'zjg.swj' });
    expect(s.task(id, 'zjg.cgj').node).toBe('pending');
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'transfer').id });
    const tasks = s.world(id).tasks;
    expect(tasks.find((t) => t.id === old.id)?.node).toBe('transferred');
    expect(s.task(id, 'zjg.zjj')).toMatchObject({ role: 'main', node: 'pending' });
    // the transferred-to main now decides the ticket
    await s.act('zjg.zjj.handler', 'task.complete', { task: s.task(id, 'zjg.zjj').id }, '已处理');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result', 'zjg.zjj').id });
    expect(s.node(id)).toBe('closing');
  });

  it('HND-1 extensions: a pending one blocks another, the task stays workable, at most YQ_APPLY_COUNT', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    const task = () => s.task(id, 'zjg.cgj');
    await s.act('zjg.cgj.handler', 'task.applyExtension', { task: task().id }, '需要时间', { amount: 1, unit: 'workDay' });
    const pending = await s.refused('zjg.cgj.handler', 'task.applyExtension', { task: task().id }, 'ENG_RULE_REFUSED', '再延期', { amount: 1, unit: 'workDay' });
    if (!pending.ok) expect(pending.error.params.reason).toBe('已有待审核的同类申请');
    await s.act('zjg.cgj.handler', 'task.feedback', { task: task().id }, '仍在处理');
    await s.act('zjg.shiftleader', 'app.reject', { application: s.application(id, 'extension').id }, '理由不足');
    expect(task().counts.extension).toBe(1);
    await s.act('zjg.cgj.handler', 'task.applyExtension', { task: task().id }, '需要时间', { amount: 1, unit: 'workDay' });
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'extension').id });
    expect(Number(cb.params.YQ_APPLY_COUNT)).toBe(2);
    const limit = await s.refused('zjg.cgj.handler', 'task.applyExtension', { task: task().id }, 'ENG_RULE_REFUSED', '第三次', { amount: 1, unit: 'workDay' });
    if (!limit.ok) expect(limit.error.params.reason).toMatch(/YQ_APPLY_COUNT/);
    await s.refused('zjg.cgj.handler', 'task.applyExtension', { task: task().id }, 'ENG_INVALID_PAYLOAD', '延期', { amount: 0, unit: 'workDay' });
  });

  it('HND-1/REV-4 an approved suspension freezes the task and pauses its stage clock', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    const task = () => s.task(id, 'zjg.cgj');
    s.advance(HOUR);
    await s.act('zjg.cgj.handler', 'task.applySuspension', { task: task().id }, '等待施工队');
    expect(task().node).toBe('pending');
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'suspension').id });
    expect(task().node).toBe('suspended');
    expect(task().clocks['stage:pending']?.status).toBe('paused');
    await s.refused('zjg.cgj.handler', 'task.complete', { task: task().id }, 'ENG_NOT_AVAILABLE', '办结');
    await s.act('zjg.cgj.handler', 'task.feedback', { task: task().id }, '挂账期间反馈');
  });

  it('HND-1 suspension is not for assist units or their sub-units', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.sthj', assists: ['zjg.cgj'] });
    const assist = s.task(id, 'zjg.cgj');
    const r = await s.refused('zjg.cgj.handler', 'task.applySuspension', { task: assist.id }, 'ENG_RULE_REFUSED', '挂账');
    if (!r.ok) expect(r.error.params.reason).toBe('协办单位及其下级单位不能申请挂账');
    await s.act('zjg.cgj.handler', 'task.subDispatch', { task: assist.id }, '请环卫所处理', { handling: 'mainAssist', main: 'zjg.cgj.hws' });
    await s.refused('zjg.cgj.hws.handler', 'task.applySuspension', { task: s.task(id, 'zjg.cgj.hws').id }, 'ENG_RULE_REFUSED', '挂账');
  });

  it('HND-1/HND-4 at most GZ_APPLY_COUNT suspensions, even after a cancellation', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    const task = () => s.task(id, 'zjg.cgj');
    await s.act('zjg.cgj.handler', 'task.applySuspension', { task: task().id }, '等待');
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'suspension').id });
    await s.act('zjg.cgj.handler', 'app.cancelSuspension', { application: s.application(id, 'suspension').id });
    expect(Number(cb.params.GZ_APPLY_COUNT)).toBe(1);
    const r = await s.refused('zjg.cgj.handler', 'task.applySuspension', { task: task().id }, 'ENG_RULE_REFUSED', '再挂账');
    if (!r.ok) expect(r.error.params.reason).toMatch(/GZ_APPLY_COUNT/);
  });

  it('HND-1/REV-2 an approved assist application creates an assist task; a rejection only tells the applicant', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    const task = s.task(id, 'zjg.cgj');
    await s.refused('zjg.cgj.handler', 'task.applyAssist', { task: task.id }, 'ENG_INVALID_PAYLOAD', '协办', { departments: [] });
    await s.act('zjg.cgj.handler', 'task.applyAssist', { task: task.id }, '需要公安配合', { departments: ['zjg.gaj'] });
    // REV-2 the center's reviewer (结果审核岗) decides assist applications
    const rejected = await s.act('zjg.reviewer', 'app.reject', { application: s.application(id, 'assist').id }, '无需配合');
    expect(rejected.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: { users: ['zjg.cgj.handler'], department: 'zjg.cgj' } }));
    expect(s.world(id).tasks).toHaveLength(1);
    await s.act('zjg.cgj.handler', 'task.applyAssist', { task: task.id }, '需要公安配合', { departments: ['zjg.gaj', 'zjg.jtj'] });
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'assist').id });
    expect(s.task(id, 'zjg.gaj')).toMatchObject({ role: 'assist', node: 'pending' });
    expect(s.task(id, 'zjg.jtj').role).toBe('assist');
    expect(s.task(id, 'zjg.cgj').node).toBe('pending');
  });

  it('HND-1 returns: at most TH_APPLY_COUNT, refused under forced dispatch', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    const task = () => s.task(id, 'zjg.cgj');
    await s.act('zjg.cgj.handler', 'task.return', { task: task().id }, '不属本部门');
    await s.act('zjg.shiftleader', 'app.reject', { application: s.application(id, 'return').id }, '属于本部门');
    expect(task()).toMatchObject({ node: 'pending', counts: { return: 1 } });
    expect(Number(cb.params.TH_APPLY_COUNT)).toBe(1);
    const r = await s.refused('zjg.cgj.handler', 'task.return', { task: task().id }, 'ENG_RULE_REFUSED', '再退回');
    if (!r.ok) expect(r.error.params.reason).toMatch(/TH_APPLY_COUNT/);

    const forced = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', forced: true });
    const f = await s.refused('zjg.cgj.handler', 'task.return', { task: s.task(forced, 'zjg.cgj').id }, 'ENG_RULE_REFUSED', '退回');
    if (!f.ok) expect(f.error.params.reason).toBe('强制分拨的任务单不能退回');
  });

  it('HND-1 only village/community departments send to their grid workers', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'multi', departments: ['ys.hq', 'ys.cgzd'] }, 'ys');
    const r = await s.refused('ys.cgzd.handler', 'task.toGridWorker', { task: s.task(id, 'ys.cgzd').id }, 'ENG_RULE_REFUSED', '送网格员');
    if (!r.ok) expect(r.error.params.reason).toBe('只有村社区可以送网格员');
    await s.act('ys.hq.handler', 'task.toGridWorker', { task: s.task(id, 'ys.hq').id }, '请网格员现场处置');
    // 河东社区 sends to its own grid worker, although the event lies in 东桥社区's grid
    expect(s.task(id, 'ys.hq')).toMatchObject({ node: 'gridHandling', gridWorker: 'ys.hq.grid' });
    await s.refused('ys.dq.grid', 'grid.taskSubmit', { task: s.task(id, 'ys.hq').id }, 'ENG_OUT_OF_SCOPE', '已处置');
    await s.act('ys.hq.grid', 'grid.taskSubmit', { task: s.task(id, 'ys.hq').id }, '已现场处置');
    expect(s.task(id, 'ys.hq').node).toBe('pending');
  });
});

describe('HND-4 my applications: cancel an approved suspension', () => {
  it('HND-4 cancelling an approved suspension puts the task back to pending and resumes its clock', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.act('zjg.cgj.handler', 'task.applySuspension', { task: s.task(id, 'zjg.cgj').id }, '等待');
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'suspension').id });
    const app = s.application(id, 'suspension');
    await s.refused('zjg.sthj.handler', 'app.cancelSuspension', { application: app.id }, 'ENG_OUT_OF_SCOPE');
    s.advance(2 * HOUR);
    await s.act('zjg.cgj.handler', 'app.cancelSuspension', { application: app.id }, '已具备条件');
    expect(s.application(id, 'suspension').node).toBe('cancelled');
    const task = s.task(id, 'zjg.cgj');
    expect(task.node).toBe('pending');
    expect(task.clocks['stage:pending']).toMatchObject({ status: 'running' });
    expect(task.clocks['stage:pending']?.events.map((e) => e.type)).toEqual(['start', 'pause', 'resume']);
    await s.act('zjg.cgj.handler', 'task.complete', { task: task.id }, '已处理');
  });
});

describe('HND-5 a parent department reviews its sub-units first', () => {
  it('HND-5 assist and return of a sub-unit are settled by the parent department alone', async () => {
    const s = new Scenario(cb);
    const id = await withSubUnit(s);
    const hws = s.task(id, 'zjg.cgj.hws');
    const parent = s.task(id, 'zjg.cgj');
    await s.act('zjg.cgj.hws.handler', 'task.applyAssist', { task: hws.id }, '需执法大队配合', { departments: ['zjg.cgj.zfdd'] });
    const assist = s.application(id, 'assist');
    expect(assist).toMatchObject({ node: 'parentReview', chain: [{ level: 'parent', department: 'zjg.cgj' }] });
    await s.refused('zjg.shiftleader', 'app.approve', { application: assist.id }, 'ENG_FORBIDDEN_ROLE');
    await s.refused('zjg.sthj.handler', 'app.approve', { application: assist.id }, 'ENG_OUT_OF_SCOPE');
    await s.act('zjg.cgj.handler', 'app.approve', { application: assist.id });
    expect(s.application(id, 'assist').node).toBe('approved');
    expect(s.task(id, 'zjg.cgj.zfdd')).toMatchObject({ role: 'assist', parent: parent.id });

    await s.act('zjg.cgj.hws.handler', 'task.return', { task: hws.id }, '非本所职责');
    expect(s.application(id, 'return').node).toBe('parentReview');
    await s.act('zjg.cgj.handler', 'app.approve', { application: s.application(id, 'return').id });
    expect(s.task(id, 'zjg.cgj.hws').node).toBe('returned');
    expect(s.task(id, 'zjg.cgj').node).toBe('pending');
    expect(s.node(id)).toBe('handling');
  });

  it('HND-5 extension, suspension and transfer of a sub-unit go on to the center\u2019s shift leader', async () => {
    const s = new Scenario(cb);
    const id = await withSubUnit(s);
    const hws = () => s.task(id, 'zjg.cgj.hws');
    for (const [button, kind, payload] of [
      ['task.applyExtension', 'extension', { amount: 1, unit: 'workDay' }],
      ['task.applySuspension', 'suspension', {}],
    ] as const) {
      await s.act('zjg.cgj.hws.handler', button, { task: hws().id }, '申请', { ...payload });
      const app = s.application(id, kind);
      expect(app.chain).toEqual([{ level: 'parent', department: 'zjg.cgj' }, { level: 'center', department: 'zjg' }]);
      await s.act('zjg.cgj.handler', 'app.approve', { application: app.id });
      expect(s.application(id, kind)).toMatchObject({ node: 'centerReview', step: 1 });
      await s.refused('zjg.cgj.handler', 'app.approve', { application: app.id }, 'ENG_FORBIDDEN_ROLE');
      await s.act('zjg.shiftleader', 'app.approve', { application: app.id });
      expect(s.application(id, kind).node).toBe('approved');
    }
    expect(hws().node).toBe('suspended');
    expect(hws().clocks['stage:pending']?.extensions).toHaveLength(1);
    await s.act('zjg.cgj.hws.handler', 'app.cancelSuspension', { application: s.application(id, 'suspension').id });

    await s.act('zjg.cgj.hws.handler', 'task.applyTransfer', { task: hws().id }, '属执法大队', { department: 'zjg.cgj.zfdd' });
    await s.act('zjg.cgj.handler', 'app.approve', { application: s.application(id, 'transfer').id });
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'transfer').id });
    expect(s.world(id).tasks.find((t) => t.department === 'zjg.cgj.hws')?.node).toBe('transferred');
    expect(s.task(id, 'zjg.cgj.zfdd')).toMatchObject({ role: 'main', parent: s.task(id, 'zjg.cgj').id, node: 'pending' });
  });

  it('HND-5 a sub-unit\u2019s result goes to the parent, then the center\u2019s reviewer; a parent rejection tells the applicant', async () => {
    const s = new Scenario(cb);
    const id = await withSubUnit(s);
    const hws = () => s.task(id, 'zjg.cgj.hws');
    await s.act('zjg.cgj.hws.handler', 'task.complete', { task: hws().id }, '已清运');
    const rejected = await s.act('zjg.cgj.handler', 'app.reject', { application: s.application(id, 'result').id }, '未清理干净');
    expect(rejected.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: { users: ['zjg.cgj.hws.handler'], department: 'zjg.cgj.hws' } }));
    expect(hws().node).toBe('pending');
    await s.act('zjg.cgj.hws.handler', 'task.complete', { task: hws().id }, '已清运干净');
    await s.act('zjg.cgj.handler', 'app.approve', { application: s.application(id, 'result').id });
    const result = s.application(id, 'result');
    expect(result.node).toBe('centerReview');
    expect(cb.bindingOf(result.flow, result.node, 'result')?.role).toBe('reviewer');
    await s.act('zjg.reviewer', 'app.approve', { application: result.id });
    expect(hws().node).toBe('approved');
    expect(s.task(id, 'zjg.cgj').node).toBe('pending');
    expect(s.node(id)).toBe('handling');
  });
});

describe('HND-6 an extension beyond the overall deadline', () => {
  it('HND-6 the approval notes "该部门延期后时间将大于事件到期时间" only when the extended stage passes the overall deadline', async () => {
    const s = new Scenario(cb);
    // 违规设置户外广告: 10 working days overall; department handling: 8 working hours
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.act('zjg.cgj.handler', 'task.applyExtension', { task: s.task(id, 'zjg.cgj').id }, '需要时间', { amount: 1, unit: 'workDay' });
    const small = await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'extension').id });
    expect(approval(small).data?.warning).toBeUndefined();
    await s.act('zjg.cgj.handler', 'task.applyExtension', { task: s.task(id, 'zjg.cgj').id }, '需要很久', { amount: 15, unit: 'workDay' });
    // the reviewer sees the warning before deciding
    const preview = previewExtension(cb, s.world(id), s.application(id, 'extension').id, s.now);
    expect(preview.warning).toBe('该部门延期后时间将大于事件到期时间');
    expect(previewExtension(cb, s.world(id), 'no-such-application', s.now)).toEqual({});
    const big = await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'extension').id });
    const data = approval(big).data as { warning?: string; stageDueAt?: number; overallDueAt?: number };
    expect(data.warning).toBe('该部门延期后时间将大于事件到期时间');
    expect(data.stageDueAt!).toBeGreaterThan(data.overallDueAt!);
    expect(big.trace.join('\n')).toMatch(/该部门延期后时间将大于事件到期时间/);
    // the warning does not block: the extension is granted
    expect(s.task(id, 'zjg.cgj').clocks['stage:pending']?.extensions).toHaveLength(2);
  });
});
