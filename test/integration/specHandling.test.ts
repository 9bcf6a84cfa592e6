import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, HOUR } from './support/api.js';
import { openApplication, SpecApi } from './support/spec.js';
import { startTestApp, type TestApp } from './support/testApp.js';

const task = Api.task;
const application = Api.application;

/** SPEC HND and REV over HTTP: the engine scenarios of test/unit/engine/handling.test.ts and review.test.ts, read back through detail, lists and history. */
describe.each(['sqlite', 'mariadb'] as const)('SPEC HND/REV handling and review over HTTP on %s', (dialect) => {
  let app: TestApp;
  let api: SpecApi;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    api = new SpecApi(app);
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });

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
    d = await api.detail('zjg.shiftleader', t.id);
    await api.act('zjg.shiftleader', t.id, 'app.reject', { application: application(d, 'assist').id }, '无需配合');
    expect((await api.messages('zjg.cgj.handler', t.id)).map((m) => m.kind)).toEqual(['rejection']);
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.tasks).toHaveLength(1);

    await api.act('zjg.cgj.handler', t.id, 'task.applyAssist', { task: cgj }, '需要公安和交通配合', { departments: ['zjg.gaj', 'zjg.jtj'] });
    d = await api.detail('zjg.shiftleader', t.id);
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: openApplication(d, 'assist').id });
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
});
