import { describe, expect, it } from 'vitest';
import { Api, HOUR } from './support/api.js';
import { openApplication } from './support/spec.js';
import { useTestApp } from './support/useTestApp.js';

const task = Api.task;
const application = Api.application;

/** SPEC HND over HTTP (REV-2/3/5/6/7 where a handling scenario ends in one; the rest in specReview.test.ts): the engine scenarios of test/unit/engine/handling.test.ts and review.test.ts, read back through detail, lists and history. */
describe.each(['sqlite', 'mariadb'] as const)('SPEC HND/REV handling and review over HTTP on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  it('HND-1 sub-dispatch to sub-units and to a unit of the lower center; a department outside is refused', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const parent = task(d, 'zjg.cgj').id;
    await api.refused('zjg.cgj.handler', t.id, 400, 'TG_ERR_VALIDATION', 'task.subDispatch', { task: parent }, '下派', { handling: 'mainAssist', main: 'zjg.sthj' });
    await api.act('zjg.cgj.handler', t.id, 'task.subDispatch', { task: parent }, '请环卫所处理', { handling: 'mainAssist', main: 'zjg.cgj.hws', assists: ['zjg.cgj.zfdd'] });
    await api.act('zjg.cgj.handler', t.id, 'task.subDispatch', { task: parent }, '请镇城管中队处理', { handling: 'mainAssist', main: 'ys.cgzd' });
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.tasks.map((x) => `${x.department}:${x.role}:${x.node}:${x.parent === parent ? 'child' : 'top'}`).sort()).toEqual([
      'ys.cgzd:main:pending:child', 'zjg.cgj.hws:main:pending:child', 'zjg.cgj.zfdd:assist:pending:child', 'zjg.cgj:main:pending:top',
    ]);
    expect(d.history.filter((h) => h.event === 'task.subDispatch').map((h) => [h.entity.id, h.opinion])).toEqual([[parent, '请环卫所处理'], [parent, '请镇城管中队处理']]);
    expect(await api.listed('zjg.cgj.hws.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'zjg.cgj.hws').id);
    expect(await api.listed('ys.cgzd.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'ys.cgzd').id);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.tasks', 'pending')).not.toContain(task(d, 'zjg.cgj.hws').id);
  });

  it('HND-1/REV-6 transfer: listed for review and as my application; on approval the target department handles', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const old = task(d, 'zjg.cgj').id;
    await api.refused('zjg.cgj.handler', t.id, 400, 'TG_ERR_VALIDATION', 'task.applyTransfer', { task: old }, '转派', { department: 'ys.cgzd' });
    await api.refused('zjg.cgj.handler', t.id, 400, 'TG_ERR_VALIDATION', 'task.applyTransfer', { task: old }, '转派', { department: 'zjg.cgj' });
    await api.act('zjg.cgj.handler', t.id, 'task.applyTransfer', { task: old }, '属住建职责', { department: 'zjg.zjj' });
    await api.refused('zjg.cgj.handler', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'task.applyTransfer', { task: old }, '再转派', { department: 'zjg.swj' });
    d = await api.detail('zjg.shiftleader', t.id);
    const transfer = application(d, 'transfer');
    expect(transfer).toMatchObject({ node: 'centerReview', payload: { department: 'zjg.zjj' } });
    expect(await api.listed('zjg.shiftleader', 'view.rev.transfer', 'pending')).toContain(transfer.id);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.applications', 'transferPending')).toContain(transfer.id);

    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: transfer.id }, '同意转派');
    d = await api.detail('zjg.zjj.handler', t.id);
    expect(d.tasks.map((x) => `${x.department}:${x.role}:${x.node}`).sort()).toEqual(['zjg.cgj:main:transferred', 'zjg.sthj:assist:pending', 'zjg.zjj:main:pending']);
    expect(await api.listed('zjg.zjj.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'zjg.zjj').id);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.applications', 'transferDone')).toContain(transfer.id);
    expect(await api.listed('zjg.shiftleader', 'view.rev.transfer', 'reviewed')).toContain(transfer.id);
    await api.finish(t.id, 'zjg.zjj');
    expect((await api.detail('zjg.shiftleader', t.id)).ticket.node).toBe('closing');
  });

  it('HND-1/REV-2 assist: a rejection only tells the applicant, an approval creates assist tasks', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    await api.refused('zjg.cgj.handler', t.id, 400, 'TG_ERR_VALIDATION', 'task.applyAssist', { task: cgj }, '协办', { departments: [] });
    await api.act('zjg.cgj.handler', t.id, 'task.applyAssist', { task: cgj }, '需要公安配合', { departments: ['zjg.gaj'] });
    // REV-2 the center's reviewer (结果审核岗) decides assist applications
    d = await api.detail('zjg.reviewer', t.id);
    await api.act('zjg.reviewer', t.id, 'app.reject', { application: application(d, 'assist').id }, '无需配合');
    expect((await api.messages('zjg.cgj.handler', t.id)).map((m) => m.kind)).toEqual(['rejection']);
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.tasks).toHaveLength(1);

    await api.act('zjg.cgj.handler', t.id, 'task.applyAssist', { task: cgj }, '需要公安和交通配合', { departments: ['zjg.gaj', 'zjg.jtj'] });
    d = await api.detail('zjg.reviewer', t.id);
    await api.act('zjg.reviewer', t.id, 'app.approve', { application: openApplication(d, 'assist').id });
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.tasks.map((x) => `${x.department}:${x.role}:${x.node}`).sort()).toEqual(['zjg.cgj:main:pending', 'zjg.gaj:assist:pending', 'zjg.jtj:assist:pending']);
    expect((await api.listed('zjg.cgj.handler', 'view.hnd.applications', 'assistDone')).filter((id) => d.applications.some((a) => a.id === id))).toHaveLength(2);
    expect(await api.listed('zjg.gaj.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'zjg.gaj').id);
  });

  it('HND-1 only a community sends its task to its grid worker, who reports back; other grid workers are refused', async () => {
    const t = await api.assigned({ handling: 'multi', departments: ['ys.hq', 'ys.cgzd'] }, 'ys');
    let d = await api.detail('ys.dispatcher', t.id);
    const hq = task(d, 'ys.hq').id;
    const refused = await api.refused('ys.cgzd.handler', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'task.toGridWorker', { task: task(d, 'ys.cgzd').id }, '送网格员');
    expect(refused.messageZh).toMatch(/只有村社区可以送网格员/);
    await api.act('ys.hq.handler', t.id, 'task.toGridWorker', { task: hq }, '请网格员现场处置');
    d = await api.detail('ys.hq.grid', t.id);
    expect(task(d, 'ys.hq')).toMatchObject({ node: 'gridHandling', gridWorker: 'ys.hq.grid' });
    expect(await api.listed('ys.hq.grid', 'view.hnd.grid', 'pending')).toContain(hq);
    expect(await api.listed('ys.dq.grid', 'view.hnd.grid', 'pending')).not.toContain(hq);
    await api.refused('ys.dq.grid', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'grid.taskSubmit', { task: hq }, '已处置');
    await api.act('ys.hq.grid', t.id, 'grid.taskSubmit', { task: hq }, '已现场处置');
    d = await api.detail('ys.hq.handler', t.id);
    expect(task(d, 'ys.hq').node).toBe('pending');
    expect(d.history.filter((h) => h.entity.id === hq).map((h) => [h.event, h.fromNode, h.toNode, h.actor?.user])).toEqual([
      ['task.toGridWorker', 'pending', 'gridHandling', 'ys.hq.handler'], ['grid.taskSubmit', 'gridHandling', 'pending', 'ys.hq.grid'],
    ]);
  });

  it('HND-4 my applications: pending and done per kind; cancelling an approved suspension resumes the task (X-5 paused in the detail)', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    const mine = (tab: string) => api.listed('zjg.cgj.handler', 'view.hnd.applications', tab);
    const review = async (kind: 'extension' | 'suspension' | 'return', button: 'app.approve' | 'app.reject') => {
      d = await api.detail('zjg.shiftleader', t.id);
      const app = application(d, kind);
      expect(await mine(`${kind}Pending`)).toContain(app.id);
      await api.act('zjg.shiftleader', t.id, button, { application: app.id }, button === 'app.approve' ? '同意' : '不同意');
      expect(await mine(`${kind}Pending`)).not.toContain(app.id);
      expect(await mine(`${kind}Done`)).toContain(app.id);
      return app.id;
    };

    await api.act('zjg.cgj.handler', t.id, 'task.applyExtension', { task: cgj }, '需要时间', { amount: 1, unit: 'workDay' });
    await review('extension', 'app.approve');
    await api.act('zjg.cgj.handler', t.id, 'task.return', { task: cgj }, '不属本部门');
    await review('return', 'app.reject');
    app.now += HOUR;
    await api.act('zjg.cgj.handler', t.id, 'task.applySuspension', { task: cgj }, '等待施工队');
    const suspension = await review('suspension', 'app.approve');
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(task(d, 'zjg.cgj').node).toBe('suspended');
    const paused = d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')!;
    expect(paused).toMatchObject({ status: 'paused', state: 'paused', projected: true });
    expect(paused.explanation['zh-CN']).toMatch(/挂账，暂停计时/);
    expect(paused.explanation['en-US']).toMatch(/suspended: clock paused/);
    expect(d.sla.overall).toMatchObject({ status: 'paused', state: 'paused' });

    app.now += 2 * HOUR;
    await api.act('zjg.cgj.handler', t.id, 'app.cancelSuspension', { application: suspension }, '已具备条件');
    expect(await mine('suspensionCancelled')).toContain(suspension);
    expect(await mine('suspensionDone')).not.toContain(suspension);
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(task(d, 'zjg.cgj')).toMatchObject({ node: 'pending', counts: { extension: 1, suspension: 1, return: 1 } });
    const resumed = d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')!;
    expect(resumed).toMatchObject({ status: 'running', consumed: HOUR });
    expect(resumed.explanation['zh-CN']).toMatch(/取消挂账，恢复计时（暂停 2小时，不计入耗时）/);
    expect(resumed.explanation['zh-CN']).toMatch(/延期 1 个工作日/);
  });

  it('HND-5 a sub-unit\'s extension is reviewed first by the parent department, then by the center\'s shift leader', async () => {
    // 暴露垃圾 at 张家港 is auto-dispatched: 城管局 main with 环卫所 under it, 生态环境局 assist (ACC-4)
    const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.bllj' }, '送分拨');
    let d = await api.detail('zjg.cgj.hws.handler', t.id);
    const hws = task(d, 'zjg.cgj.hws');
    expect(hws.parent).toBe(task(d, 'zjg.cgj').id);
    await api.act('zjg.cgj.hws.handler', t.id, 'task.applyExtension', { task: hws.id }, '垃圾量大', { amount: 1, unit: 'workDay' });
    d = await api.detail('zjg.cgj.handler', t.id);
    const ext = application(d, 'extension');
    expect(ext).toMatchObject({ node: 'parentReview', step: 0, chain: [{ level: 'parent', department: 'zjg.cgj' }, { level: 'center', department: 'zjg' }] });
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.reviews', 'extension')).toContain(ext.id);
    expect(await api.listed('zjg.shiftleader', 'view.rev.extension', 'pending')).not.toContain(ext.id);
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.approve', { application: ext.id });
    await api.refused('zjg.sthj.handler', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'app.approve', { application: ext.id });

    await api.act('zjg.cgj.handler', t.id, 'app.approve', { application: ext.id }, '同意，报中心');
    d = await api.detail('zjg.shiftleader', t.id);
    expect(application(d, 'extension')).toMatchObject({ node: 'centerReview', step: 1 });
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.reviews', 'extension')).not.toContain(ext.id);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.reviews', 'reviewed')).toContain(ext.id);
    expect(await api.listed('zjg.shiftleader', 'view.rev.extension', 'pending')).toContain(ext.id);
    await api.refused('zjg.cgj.handler', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.approve', { application: ext.id });

    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: ext.id }, '同意延期');
    d = await api.detail('zjg.cgj.hws.handler', t.id);
    expect(application(d, 'extension').node).toBe('approved');
    expect(task(d, 'zjg.cgj.hws')).toMatchObject({ node: 'pending', counts: { extension: 1 } });
    expect(task(d, 'zjg.cgj.hws').clocks['stage:pending']?.extensions).toHaveLength(1);
    expect(d.history.filter((h) => h.entity.id === ext.id).map((h) => [h.event, h.fromNode, h.toNode, h.actor?.user])).toEqual([
      ['app.approve', 'parentReview', 'centerReview', 'zjg.cgj.handler'], ['app.approve', 'centerReview', 'approved', 'zjg.shiftleader'],
    ]);
    expect(await api.listed('zjg.cgj.hws.handler', 'view.hnd.applications', 'extensionDone')).toContain(ext.id);
  });

  it('HND-6 an extension past the overall deadline: the approval\'s history data carries the warning; REV-3 the stage deadline moves', async () => {
    // 违规设置户外广告: 10 working days overall; department handling: 8 working hours
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    const dueBefore = d.sla.tasks[cgj]![0]!.dueAt;
    const approveExtension = async (amount: number) => {
      await api.act('zjg.cgj.handler', t.id, 'task.applyExtension', { task: cgj }, '需要时间', { amount, unit: 'workDay' });
      d = await api.detail('zjg.shiftleader', t.id);
      await api.act('zjg.shiftleader', t.id, 'app.approve', { application: openApplication(d, 'extension').id });
      d = await api.detail('zjg.shiftleader', t.id);
      return d.history.filter((h) => h.event === 'app.approve').at(-1)!.data as { warning?: string; stageDueAt?: number; overallDueAt?: number } | undefined;
    };
    expect((await approveExtension(1))?.warning).toBeUndefined();
    const dueAfterOne = d.sla.tasks[cgj]![0]!.dueAt;
    expect(dueAfterOne).toBeGreaterThan(dueBefore);
    const big = await approveExtension(15);
    expect(big).toMatchObject({ warning: '该部门延期后时间将大于事件到期时间' });
    expect(big!.stageDueAt!).toBeGreaterThan(big!.overallDueAt!);
    // the warning does not block: both extensions are granted, and the stage deadline passes the overall one
    const stage = d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')!;
    expect(task(d, 'zjg.cgj').clocks['stage:pending']?.extensions).toHaveLength(2);
    expect(stage.dueAt).toBe(big!.stageDueAt);
    expect(stage.dueAt).toBeGreaterThan(d.sla.overall!.dueAt);
    expect(stage.explanation['zh-CN']).toMatch(/延期 15 个工作日/);
    expect(stage.explanation['en-US']).toMatch(/extended by 15 working days/);
  });

  it('REV-5 an assist\'s approved return has no flow effect; the main still decides the ticket', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    let d = await api.detail('zjg.sthj.handler', t.id);
    await api.act('zjg.sthj.handler', t.id, 'task.return', { task: task(d, 'zjg.sthj').id }, '非本部门职责');
    d = await api.detail('zjg.shiftleader', t.id);
    const ret = application(d, 'return');
    expect(await api.listed('zjg.shiftleader', 'view.rev.return', 'pending')).toContain(ret.id);
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: ret.id });
    d = await api.detail('zjg.dispatcher', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', returned: false });
    expect(d.tasks.map((x) => `${x.department}:${x.node}`).sort()).toEqual(['zjg.cgj:pending', 'zjg.sthj:returned']);
    expect(d.history.filter((h) => h.entity.kind === 'ticket').map((h) => h.event)).toEqual(['acc.toDispatch', 'dsp.assign']);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.returned', 'returned')).not.toContain(t.id);
    expect(await api.listed('zjg.sthj.handler', 'view.hnd.tasks', 'handled')).toContain(task(d, 'zjg.sthj').id);
    await api.finish(t.id, 'zjg.cgj');
    expect((await api.detail('zjg.shiftleader', t.id)).ticket.node).toBe('closing');
  });

  it('REV-7 check by the grid worker: listed under 事件核查, urge, change of grid worker, submit, then the result moves the ticket', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    await api.act('zjg.cgj.handler', t.id, 'task.complete', { task: task(d, 'zjg.cgj').id }, '已拆除');
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_FORBIDDEN', 'rev.toCheck', undefined, '请核查');
    await api.act('zjg.reviewer', t.id, 'rev.toCheck', undefined, '请网格员核查');
    d = await api.detail('zjg.reviewer', t.id);
    expect(d.ticket).toMatchObject({ node: 'check', gridWorker: 'ys.dq.grid' });
    expect(await api.listed('zjg.reviewer', 'view.rev.check', 'pending')).toContain(t.id);
    expect(await api.listed('ys.dq.grid', 'view.rev.grid', 'checking')).toContain(t.id);

    await api.act('zjg.reviewer', t.id, 'chk.changeGridWorker', undefined, undefined, { gridWorker: 'ys.hq.grid' });
    await api.act('zjg.reviewer', t.id, 'ticket.urgeGrid', undefined, '请尽快核查');
    expect((await api.messages('ys.hq.grid', t.id)).map((m) => [m.kind, m.body.opinion])).toEqual([['urge', '请尽快核查']]);
    expect(await api.listed('ys.dq.grid', 'view.rev.grid', 'checking')).not.toContain(t.id);
    await api.refused('ys.dq.grid', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'chk.submit', undefined, '已解决', { resolved: true });
    await api.act('ys.hq.grid', t.id, 'chk.submit', undefined, '现场已整改', { resolved: true });
    d = await api.detail('zjg.reviewer', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', outcome: { check: { resolved: true, by: 'ys.hq.grid', opinion: '现场已整改' } } });
    expect(await api.listed('zjg.reviewer', 'view.rev.check', 'checked')).toContain(t.id);
    await api.act('zjg.reviewer', t.id, 'app.approve', { application: application(d, 'result').id });
    expect((await api.detail('zjg.shiftleader', t.id)).ticket.node).toBe('closing');
  });
  /** 暴露垃圾 at 张家港 is auto-dispatched: 城管局 main with 环卫所 under it, 生态环境局 assist (ACC-4). */
  async function withSubUnit() {
    const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.bllj' }, '送分拨');
    const d = await api.detail('zjg.cgj.hws.handler', t.id);
    return { t, hws: task(d, 'zjg.cgj.hws').id, cgj: task(d, 'zjg.cgj').id };
  }

  it('HND-1 stage feedback has no flow effect: the task stays pending and listed, the feedback is kept in the timeline', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    const before = await api.stored(t.id);
    await api.act('zjg.cgj.handler', t.id, 'task.feedback', { task: cgj }, '已到现场，正在拆除');
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.ticket.node).toBe('handling');
    expect(task(d, 'zjg.cgj').node).toBe('pending');
    expect(d.applications).toEqual([]);
    expect(d.history.at(-1)).toMatchObject({ event: 'task.feedback', fromNode: 'pending', toNode: 'pending', opinion: '已到现场，正在拆除', data: { feedback: '已到现场，正在拆除' } });
    expect(await api.stored(t.id)).toMatchObject({ node: before.node, history: before.history + 1, applications: [] });
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.tasks', 'pending')).toContain(cgj);
    expect(d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')).toMatchObject({ status: 'running' });
  });

  it('HND-1 a town department with no sub-units and no lower center cannot sub-dispatch (hidden with its reason, refused)', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'ys.cgzd' }, 'ys');
    const d = await api.detail('ys.cgzd.handler', t.id);
    const own = task(d, 'ys.cgzd').id;
    expect(d.actions.tasks[own]!.find((a) => a.button === 'task.subDispatch')).toMatchObject({ allowed: false });
    const refused = await api.refused('ys.cgzd.handler', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'task.subDispatch', { task: own }, '下派', { handling: 'mainAssist', main: 'ys.jsb' });
    expect(refused.messageZh).toMatch(/本部门没有下级单位或下级中心/);
  });

  it('HND-1 complete: the result waits in the center\'s 结果审核 (reviewer only, own center only); HND-2 the task moves from 待处置 to 处置中', async () => {
    api.nextMorning();
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    app.now += HOUR;
    await api.act('zjg.cgj.handler', t.id, 'task.complete', { task: cgj }, '已拆除');
    d = await api.detail('zjg.reviewer', t.id);
    const result = application(d, 'result');
    expect(task(d, 'zjg.cgj').node).toBe('completed');
    expect(result).toMatchObject({ node: 'centerReview', chain: [{ level: 'center', department: 'zjg' }], applicant: { user: 'zjg.cgj.handler', department: 'zjg.cgj' }, payload: { opinion: '已拆除' } });
    expect(d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')).toMatchObject({ status: 'stopped', consumed: HOUR });
    expect(d.sla.applications[result.id]!.map((c) => [c.key, c.status])).toEqual([['stage:centerReview', 'running']]);
    expect(await api.listed('zjg.reviewer', 'view.rev.result', 'pending')).toContain(result.id);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.tasks', 'pending')).not.toContain(cgj);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.tasks', 'inProgress')).toContain(cgj);
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.approve', { application: result.id });
    await api.refused('ys.reviewer', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'app.approve', { application: result.id });
    // a completed task has no handler any more
    await api.refused('zjg.cgj.handler', t.id, 403, 'TG_ERR_FORBIDDEN', 'task.feedback', { task: cgj }, '再反馈');
  });

  it('HND-1 extensions: a pending one blocks another, the task stays workable, a rejection tells the applicant, at most YQ_APPLY_COUNT', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    const apply = (opinion: string) => api.act('zjg.cgj.handler', t.id, 'task.applyExtension', { task: cgj }, opinion, { amount: 1, unit: 'workDay' });
    await apply('需要时间');
    const pending = await api.refused('zjg.cgj.handler', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'task.applyExtension', { task: cgj }, '再延期', { amount: 1, unit: 'workDay' });
    expect(pending.messageZh).toMatch(/已有待审核的同类申请/);
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(Api.allows(d, 'task.complete', { task: cgj })).toBe(true);
    await api.act('zjg.cgj.handler', t.id, 'task.feedback', { task: cgj }, '仍在处理');
    expect(await api.listed('zjg.shiftleader', 'view.rev.extension', 'pending')).toContain(application(d, 'extension').id);

    await api.act('zjg.shiftleader', t.id, 'app.reject', { application: application(d, 'extension').id }, '理由不足');
    expect((await api.messages('zjg.cgj.handler', t.id)).map((m) => [m.kind, m.title])).toEqual([['rejection', `驳回：延期申请未通过 ${t.number} 测试事件`]]);
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(task(d, 'zjg.cgj')).toMatchObject({ node: 'pending', counts: { extension: 1 } });
    expect(task(d, 'zjg.cgj').clocks['stage:pending']?.extensions ?? []).toHaveLength(0);
    await apply('还需要时间');
    d = await api.detail('zjg.shiftleader', t.id);
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: openApplication(d, 'extension').id });
    const limit = await api.refused('zjg.cgj.handler', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'task.applyExtension', { task: cgj }, '第三次', { amount: 1, unit: 'workDay' });
    expect(limit.messageZh).toMatch(/YQ_APPLY_COUNT/);
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.actions.tasks[cgj]!.find((a) => a.button === 'task.applyExtension')).toMatchObject({ allowed: false });
    await api.refused('zjg.cgj.handler', t.id, 400, 'TG_ERR_VALIDATION', 'task.applyExtension', { task: cgj }, '延期', { amount: 0, unit: 'workDay' });
    expect((await api.listed('zjg.cgj.handler', 'view.hnd.applications', 'extensionDone')).filter((id) => d.applications.some((a) => a.id === id))).toHaveLength(2);
  });

  it('HND-1 suspension is not for assist units or their sub-units: hidden with its reason and refused', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.sthj', assists: ['zjg.cgj'] });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const assist = task(d, 'zjg.cgj').id;
    expect(d.actions.tasks[assist]!.find((a) => a.button === 'task.applySuspension')).toMatchObject({ allowed: false });
    const refused = await api.refused('zjg.cgj.handler', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'task.applySuspension', { task: assist }, '挂账');
    expect(refused.messageZh).toMatch(/协办单位及其下级单位不能申请挂账/);
    await api.act('zjg.cgj.handler', t.id, 'task.subDispatch', { task: assist }, '请环卫所处理', { handling: 'mainAssist', main: 'zjg.cgj.hws' });
    d = await api.detail('zjg.cgj.hws.handler', t.id);
    await api.refused('zjg.cgj.hws.handler', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'task.applySuspension', { task: task(d, 'zjg.cgj.hws').id }, '挂账');
    // the main unit may
    d = await api.detail('zjg.sthj.handler', t.id);
    expect(Api.allows(d, 'task.applySuspension', { task: task(d, 'zjg.sthj').id })).toBe(true);
  });

  it('HND-1 returns: after a rejected return TH_APPLY_COUNT is used up; the rejection tells the department', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    await api.act('zjg.cgj.handler', t.id, 'task.return', { task: cgj }, '不属本部门');
    d = await api.detail('zjg.shiftleader', t.id);
    await api.act('zjg.shiftleader', t.id, 'app.reject', { application: application(d, 'return').id }, '属于本部门');
    expect((await api.messages('zjg.cgj.handler', t.id)).map((m) => m.kind)).toEqual(['rejection']);
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(task(d, 'zjg.cgj')).toMatchObject({ node: 'pending', counts: { return: 1 } });
    expect(d.ticket).toMatchObject({ node: 'handling', returned: false });
    const limit = await api.refused('zjg.cgj.handler', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'task.return', { task: cgj }, '再退回');
    expect(limit.messageZh).toMatch(/TH_APPLY_COUNT/);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.applications', 'returnDone')).toContain(application(d, 'return').id);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.returned', 'returned')).not.toContain(t.id);
  });

  it('HND-5 assist and return of a sub-unit are settled by the parent department alone (待我审核), never by the center', async () => {
    const { t, hws, cgj } = await withSubUnit();
    await api.act('zjg.cgj.hws.handler', t.id, 'task.applyAssist', { task: hws }, '需执法大队配合', { departments: ['zjg.cgj.zfdd'] });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const assist = application(d, 'assist');
    expect(assist).toMatchObject({ node: 'parentReview', chain: [{ level: 'parent', department: 'zjg.cgj' }] });
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.reviews', 'assist')).toContain(assist.id);
    expect(await api.listed('zjg.reviewer', 'view.rev.assist', 'pending')).not.toContain(assist.id);
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.approve', { application: assist.id });
    await api.refused('zjg.sthj.handler', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'app.approve', { application: assist.id });
    await api.act('zjg.cgj.handler', t.id, 'app.approve', { application: assist.id }, '同意协办');
    d = await api.detail('zjg.cgj.zfdd.handler', t.id);
    expect(application(d, 'assist').node).toBe('approved');
    expect(task(d, 'zjg.cgj.zfdd')).toMatchObject({ role: 'assist', parent: cgj, node: 'pending' });
    expect(await api.listed('zjg.cgj.zfdd.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'zjg.cgj.zfdd').id);

    await api.act('zjg.cgj.hws.handler', t.id, 'task.return', { task: hws }, '非本所职责');
    d = await api.detail('zjg.cgj.handler', t.id);
    const ret = application(d, 'return');
    expect(ret.node).toBe('parentReview');
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.reviews', 'return')).toContain(ret.id);
    expect(await api.listed('zjg.shiftleader', 'view.rev.return', 'pending')).not.toContain(ret.id);
    await api.act('zjg.cgj.handler', t.id, 'app.approve', { application: ret.id }, '同意退回');
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', returned: false });
    expect([task(d, 'zjg.cgj.hws').node, task(d, 'zjg.cgj').node]).toEqual(['returned', 'pending']);
    expect(await api.listed('zjg.cgj.hws.handler', 'view.hnd.tasks', 'handled')).toContain(hws);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.reviews', 'reviewed')).toEqual(expect.arrayContaining([assist.id, ret.id]));
  });

  it('HND-5 suspension and transfer of a sub-unit climb from the parent department to the center\'s shift leader', async () => {
    const { t, hws, cgj } = await withSubUnit();
    await api.act('zjg.cgj.hws.handler', t.id, 'task.applySuspension', { task: hws }, '等待');
    let d = await api.detail('zjg.cgj.handler', t.id);
    const suspension = application(d, 'suspension');
    expect(suspension.chain).toEqual([{ level: 'parent', department: 'zjg.cgj' }, { level: 'center', department: 'zjg' }]);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.reviews', 'suspension')).toContain(suspension.id);
    await api.act('zjg.cgj.handler', t.id, 'app.approve', { application: suspension.id });
    expect(await api.listed('zjg.shiftleader', 'view.rev.suspension', 'pending')).toContain(suspension.id);
    await api.refused('zjg.cgj.handler', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.approve', { application: suspension.id });
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: suspension.id });
    d = await api.detail('zjg.cgj.hws.handler', t.id);
    expect(task(d, 'zjg.cgj.hws').node).toBe('suspended');
    expect(d.sla.tasks[hws]!.find((c) => c.key === 'stage:pending')).toMatchObject({ status: 'paused' });
    await api.act('zjg.cgj.hws.handler', t.id, 'app.cancelSuspension', { application: suspension.id }, '条件已具备');

    await api.act('zjg.cgj.hws.handler', t.id, 'task.applyTransfer', { task: hws }, '属执法大队', { department: 'zjg.cgj.zfdd' });
    d = await api.detail('zjg.cgj.handler', t.id);
    const transfer = application(d, 'transfer');
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.reviews', 'transfer')).toContain(transfer.id);
    await api.act('zjg.cgj.handler', t.id, 'app.approve', { application: transfer.id });
    expect(await api.listed('zjg.shiftleader', 'view.rev.transfer', 'pending')).toContain(transfer.id);
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: transfer.id });
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.tasks.find((x) => x.id === hws)?.node).toBe('transferred');
    expect(task(d, 'zjg.cgj.zfdd')).toMatchObject({ role: 'main', parent: cgj, node: 'pending' });
    expect(d.history.filter((h) => h.entity.id === transfer.id).map((h) => [h.event, h.fromNode, h.toNode, h.actor?.user])).toEqual([
      ['app.approve', 'parentReview', 'centerReview', 'zjg.cgj.handler'], ['app.approve', 'centerReview', 'approved', 'zjg.shiftleader'],
    ]);
  });

  it('HND-5 a sub-unit\'s result: the parent rejects (the sub-unit is told), then passes it on to the center\'s reviewer', async () => {
    const { t, hws } = await withSubUnit();
    await api.act('zjg.cgj.hws.handler', t.id, 'task.complete', { task: hws }, '已清运');
    let d = await api.detail('zjg.cgj.handler', t.id);
    let result = application(d, 'result');
    expect(result).toMatchObject({ node: 'parentReview', chain: [{ level: 'parent', department: 'zjg.cgj' }, { level: 'center', department: 'zjg' }] });
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.reviews', 'result')).toContain(result.id);
    expect(await api.listed('zjg.reviewer', 'view.rev.result', 'pending')).not.toContain(result.id);
    await api.act('zjg.cgj.handler', t.id, 'app.reject', { application: result.id }, '未清理干净');
    expect((await api.messages('zjg.cgj.hws.handler', t.id)).map((m) => m.kind)).toEqual(['rejection']);
    d = await api.detail('zjg.cgj.hws.handler', t.id);
    expect(task(d, 'zjg.cgj.hws').node).toBe('pending');

    await api.act('zjg.cgj.hws.handler', t.id, 'task.complete', { task: hws }, '已清运干净');
    d = await api.detail('zjg.cgj.handler', t.id);
    result = openApplication(d, 'result', 'zjg.cgj.hws');
    await api.act('zjg.cgj.handler', t.id, 'app.approve', { application: result.id }, '报中心审核');
    expect(await api.listed('zjg.reviewer', 'view.rev.result', 'pending')).toContain(result.id);
    await api.act('zjg.reviewer', t.id, 'app.approve', { application: result.id });
    d = await api.detail('zjg.cgj.handler', t.id);
    expect([task(d, 'zjg.cgj.hws').node, task(d, 'zjg.cgj').node, d.ticket.node]).toEqual(['approved', 'pending', 'handling']);
    expect(await api.listed('zjg.cgj.hws.handler', 'view.hnd.tasks', 'handled')).toContain(hws);
  });
  it('HND-6 the reviewer sees the warning before deciding: the pending extension\'s preview at the parent\'s and at the center\'s review', async () => {
    const previews = async (login: string, ticket: string) => (await api.detail(login, ticket)).extensionPreviews ?? {};
    const { t, hws } = await withSubUnit();
    await api.act('zjg.cgj.hws.handler', t.id, 'task.applyExtension', { task: hws }, '需要很久', { amount: 15, unit: 'workDay' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const ext = openApplication(d, 'extension');
    expect(ext.node).toBe('parentReview');
    const atParent = (await previews('zjg.cgj.handler', t.id))[ext.id];
    expect(atParent).toMatchObject({ warning: '该部门延期后时间将大于事件到期时间' });
    expect(atParent!.stageDueAt).toBeGreaterThan(atParent!.overallDueAt);
    await api.act('zjg.cgj.handler', t.id, 'app.approve', { application: ext.id }, '报中心');
    expect((await previews('zjg.shiftleader', t.id))[ext.id]).toMatchObject({ warning: '该部门延期后时间将大于事件到期时间' });
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: ext.id }, '同意');
    expect((await previews('zjg.shiftleader', t.id))[ext.id]).toBeUndefined();

    const short = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    d = await api.detail('zjg.cgj.handler', short.id);
    await api.act('zjg.cgj.handler', short.id, 'task.applyExtension', { task: task(d, 'zjg.cgj').id }, '需要时间', { amount: 1, unit: 'workDay' });
    d = await api.detail('zjg.shiftleader', short.id);
    const preview = (await previews('zjg.shiftleader', short.id))[openApplication(d, 'extension').id];
    expect(preview?.warning).toBeUndefined();
  });
  it('HND-3 a merged main task that applies for extension, suspension, transfer, assist or returns splits its follower automatically', async () => {
    for (const [button, payload] of [
      ['task.applyExtension', { amount: 1, unit: 'workDay' }], ['task.applySuspension', {}], ['task.applyTransfer', { department: 'zjg.zjj' }],
      ['task.applyAssist', { departments: ['zjg.gaj'] }], ['task.return', {}],
    ] as const) {
      const first = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' }, 'zjg', { grid: 'g.fh.am.02', title: `${button} 主` });
      app.now += 60_000;
      const second = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' }, 'zjg', { grid: 'g.fh.am.02', title: `${button} 从` });
      const [main, follower] = [task(await api.detail('zjg.cgj.handler', first.id), 'zjg.cgj').id, task(await api.detail('zjg.cgj.handler', second.id), 'zjg.cgj').id];
      const merged = await api.request('zjg.cgj.handler', 'POST', '/api/tasks/merge', { taskIds: [follower, main] });
      expect(merged.statusCode, merged.body).toBe(200);
      expect(task(await api.detail('zjg.cgj.handler', second.id), 'zjg.cgj').mergedInto).toBe(main);
      await api.refused('zjg.cgj.handler', second.id, 422, 'TG_ERR_FOLLOWER_LOCKED', button, { task: follower }, '申请', { ...payload });

      await api.act('zjg.cgj.handler', first.id, button, { task: main }, '申请', { ...payload });
      const d = await api.detail('zjg.cgj.handler', second.id);
      expect(task(d, 'zjg.cgj').mergedInto, button).toBeUndefined();
      expect(task(d, 'zjg.cgj').node, button).toBe('pending');
      expect(d.history.at(-1), button).toMatchObject({ event: 'split', entity: { kind: 'task', id: follower }, data: { main } });
      expect(d.applications, button).toEqual([]);
      await api.act('zjg.cgj.handler', second.id, 'task.feedback', { task: follower }, '单独处理');
    }
  });
});
