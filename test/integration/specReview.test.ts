import { describe, expect, it } from 'vitest';
import type { ApplicationKind } from '../../engine/index.js';
import { Api, HOUR } from './support/api.js';
import { openApplication } from './support/spec.js';
import { useTestApp } from './support/useTestApp.js';

const task = Api.task;
const application = Api.application;

/** SPEC REV over HTTP: the engine scenarios of test/unit/engine/review.test.ts, read back through detail, lists, messages and history. */
describe.each(['sqlite', 'mariadb'] as const)('SPEC REV review over HTTP on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  /** A department's return, approved by the center's shift leader. */
  async function returned(ticket: string, department: string, center = 'zjg') {
    let d = await api.detail(`${department}.handler`, ticket);
    await api.act(`${department}.handler`, ticket, 'task.return', { task: task(d, department).id }, '非本部门职责');
    d = await api.detail(`${center}.shiftleader`, ticket);
    await api.act(`${center}.shiftleader`, ticket, 'app.approve', { application: openApplication(d, 'return', department).id }, '同意退回');
  }

  /** 暴露垃圾 registered at 苏州, auto-delegated to 张家港, accepted there and auto-assigned to its departments (ACC-4). */
  async function upperAssigned(callbackWanted = true) {
    const t = await api.register('sz.acceptor', 'acc.toDispatch', { item: 'item.bllj', callbackWanted }, '交办张家港');
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    const d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', center: 'zjg', source: 'upper' });
    return t;
  }

  it('REV-1 main+assist: the assist\'s approved result does not move the ticket, the main\'s does; 已审核 lists both', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] }, 'zjg', { callbackWanted: true });
    await api.finish(t.id, 'zjg.sthj');
    let d = await api.detail('zjg.reviewer', t.id);
    expect(task(d, 'zjg.sthj').node).toBe('approved');
    expect(d.ticket.node).toBe('handling');
    expect(await api.listed('zjg.sthj.handler', 'view.hnd.tasks', 'handled')).toContain(task(d, 'zjg.sthj').id);
    await api.finish(t.id, 'zjg.cgj');
    d = await api.detail('zjg.reviewer', t.id);
    expect(d.ticket.node).toBe('callback');
    const results = d.applications.filter((a) => a.kind === 'result').map((a) => a.id);
    expect(await api.listed('zjg.reviewer', 'view.rev.result', 'reviewed')).toEqual(expect.arrayContaining(results));
    expect((await api.listed('zjg.reviewer', 'view.rev.result', 'pending')).filter((id) => results.includes(id))).toEqual([]);
    expect(await api.listed('zjg.acceptor', 'view.cls.callback', 'pending')).toContain(t.id);
  });

  it('REV-1 the main\'s approval withdraws an assist still handling, with its pending extension; a completed assist keeps its review', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj', 'zjg.zjj'] }, 'zjg', { callbackWanted: true });
    let d = await api.detail('zjg.dispatcher', t.id);
    const [sthj, zjj] = [task(d, 'zjg.sthj').id, task(d, 'zjg.zjj').id];
    await api.act('zjg.sthj.handler', t.id, 'task.applyExtension', { task: sthj }, '需要时间', { amount: 1, unit: 'workDay' });
    await api.act('zjg.zjj.handler', t.id, 'task.complete', { task: zjj }, '已配合完成');
    await api.finish(t.id, 'zjg.cgj');
    d = await api.detail('zjg.reviewer', t.id);
    expect(d.ticket.node).toBe('callback');
    const extension = application(d, 'extension', 'zjg.sthj');
    expect([task(d, 'zjg.sthj').node, extension.node]).toEqual(['withdrawn', 'withdrawn']);
    expect(await api.listed('zjg.sthj.handler', 'view.hnd.tasks', 'pending')).not.toContain(sthj);
    expect(await api.listed('zjg.sthj.handler', 'view.hnd.applications', 'extensionPending')).not.toContain(extension.id);
    expect(await api.listed('zjg.shiftleader', 'view.rev.extension', 'pending')).not.toContain(extension.id);
    expect(d.actions.tasks[sthj]?.filter((a) => a.allowed) ?? []).toEqual([]);

    const zjjResult = application(d, 'result', 'zjg.zjj');
    expect([task(d, 'zjg.zjj').node, zjjResult.node]).toEqual(['completed', 'centerReview']);
    expect(await api.listed('zjg.reviewer', 'view.rev.result', 'pending')).toContain(zjjResult.id);
    await api.act('zjg.reviewer', t.id, 'app.approve', { application: zjjResult.id });
    d = await api.detail('zjg.reviewer', t.id);
    expect([task(d, 'zjg.zjj').node, d.ticket.node]).toEqual(['approved', 'callback']);
  });

  it('REV-1 a rejected result sends the task back to 待处置 and tells the department; a decided result has no reviewer', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    await api.act('zjg.cgj.handler', t.id, 'task.complete', { task: cgj }, '已处理');
    d = await api.detail('zjg.reviewer', t.id);
    const result = application(d, 'result');
    await api.act('zjg.reviewer', t.id, 'app.reject', { application: result.id }, '现场未整改');
    d = await api.detail('zjg.cgj.handler', t.id);
    expect([application(d, 'result').node, task(d, 'zjg.cgj').node, d.ticket.node]).toEqual(['rejected', 'pending', 'handling']);
    const messages = await api.messages('zjg.cgj.handler', t.id);
    expect(messages.map((m) => [m.kind, m.title])).toEqual([['rejection', `驳回：办结申请未通过 ${t.number} 测试事件`]]);
    expect(messages[0]!.body).toMatchObject({ data: { application: result.id, kind: 'result' } });
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.tasks', 'pending')).toContain(cgj);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.tasks', 'inProgress')).not.toContain(cgj);
    expect(await api.listed('zjg.reviewer', 'view.rev.result', 'reviewed')).toContain(result.id);
    await api.refused('zjg.reviewer', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.reject', { application: result.id }, '再驳回');
    expect(d.history.filter((h) => h.entity.id === cgj).map((h) => `${h.event} ${h.fromNode}→${h.toNode}`)).toEqual([
      'task.complete pending→completed', '$application.rejected completed→pending',
    ]);
  });

  it('REV-1/REV-7 send to check: main+assist only once the main is done, multi only once every task is done', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    await api.finish(t.id, 'zjg.sthj');
    let d = await api.detail('zjg.reviewer', t.id);
    expect(d.actions.ticket.find((a) => a.button === 'rev.toCheck')).toMatchObject({ allowed: false });
    const early = await api.refused('zjg.reviewer', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'rev.toCheck', undefined, '请核查');
    expect(early.messageZh).toMatch(/主办任务办结/);
    await api.act('zjg.cgj.handler', t.id, 'task.complete', { task: task(d, 'zjg.cgj').id }, '已处理');
    d = await api.detail('zjg.reviewer', t.id);
    expect(Api.allows(d, 'rev.toCheck')).toBe(true);

    const multi = await api.assigned({ handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    d = await api.detail('zjg.reviewer', multi.id);
    await api.act('zjg.sthj.handler', multi.id, 'task.complete', { task: task(d, 'zjg.sthj').id }, '已处理');
    await api.refused('zjg.reviewer', multi.id, 422, 'TG_ERR_ACTION_REFUSED', 'rev.toCheck', undefined, '请核查');
    await api.act('zjg.zjj.handler', multi.id, 'task.complete', { task: task(d, 'zjg.zjj').id }, '已处理');
    await api.act('zjg.reviewer', multi.id, 'rev.toCheck', undefined, '请核查');
    expect((await api.detail('zjg.reviewer', multi.id)).ticket).toMatchObject({ node: 'check', gridWorker: 'ys.dq.grid' });
    expect(await api.listed('ys.dq.grid', 'view.rev.grid', 'checking')).toContain(multi.id);
  });

  it('REV-7 a result approved while the check is out moves the ticket on when the check comes back', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    await api.act('zjg.cgj.handler', t.id, 'task.complete', { task: task(d, 'zjg.cgj').id }, '已处理');
    await api.act('zjg.reviewer', t.id, 'rev.toCheck', undefined, '请网格员核查');
    d = await api.detail('zjg.reviewer', t.id);
    await api.act('zjg.reviewer', t.id, 'app.approve', { application: application(d, 'result').id });
    d = await api.detail('zjg.reviewer', t.id);
    expect(d.ticket.node).toBe('check');
    expect(task(d, 'zjg.cgj').node).toBe('approved');
    await api.act('ys.dq.grid', t.id, 'chk.submit', undefined, '已整改', { resolved: true });
    d = await api.detail('zjg.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'closing', outcome: { check: { resolved: true, by: 'ys.dq.grid' } } });
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'pending')).toContain(t.id);
    expect(await api.listed('zjg.reviewer', 'view.rev.check', 'checked')).toContain(t.id);
  });

  it('REV-1/X-8 an upper-assigned result: 张家港 approves, 苏州\'s shift leader reviews it under 上级审核, then callback and close at 苏州', async () => {
    const t = await upperAssigned(true);
    await api.finish(t.id, 'zjg.cgj');
    let d = await api.detail('sz.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'upperReview', center: 'sz' });
    expect(await api.listed('sz.shiftleader', 'view.rev.upperResult', 'pending')).toContain(t.id);
    expect(await api.listed('zjg.shiftleader', 'view.rev.upperResult', 'pending')).not.toContain(t.id);
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'uprev.approve');
    await api.refused('sz.acceptor', t.id, 403, 'TG_ERR_FORBIDDEN', 'uprev.approve');
    await api.act('sz.shiftleader', t.id, 'uprev.approve', undefined, '同意');
    d = await api.detail('sz.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'callback', center: 'sz' });
    expect(await api.listed('sz.shiftleader', 'view.rev.upperResult', 'reviewed')).toContain(t.id);
    expect(await api.listed('sz.acceptor', 'view.cls.callback', 'pending')).toContain(t.id);
    expect(await api.listed('zjg.acceptor', 'view.cls.callback', 'pending')).not.toContain(t.id);
    await api.act('sz.acceptor', t.id, 'cb.submit', undefined, '满意', { satisfaction: 'satisfied' });
    await api.act('sz.shiftleader', t.id, 'cls.close', undefined, '结案');
    d = await api.detail('sz.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'closed', center: 'sz' });
    expect(await api.listed('sz.shiftleader', 'view.cls.closing', 'closed')).toContain(t.id);
  });

  it('REV-1 an upper-assigned result without a callback goes from the upper review to 苏州\'s closing', async () => {
    const t = await upperAssigned(false);
    await api.finish(t.id, 'zjg.cgj');
    await api.act('sz.shiftleader', t.id, 'uprev.approve', undefined, '同意');
    expect((await api.detail('sz.shiftleader', t.id)).ticket).toMatchObject({ node: 'closing', center: 'sz' });
    expect(await api.listed('sz.shiftleader', 'view.cls.closing', 'pending')).toContain(t.id);
  });

  it('REV-1/X-8 the upper center\'s rejection goes back to its own acceptor (told in the message centre); re-delegated, a new round starts at 张家港', async () => {
    const t = await upperAssigned(true);
    await api.finish(t.id, 'zjg.cgj');
    await api.act('sz.shiftleader', t.id, 'uprev.reject', undefined, '处置不到位，重新受理');
    let d = await api.detail('sz.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', center: 'sz' });
    expect(await api.listed('sz.acceptor', 'view.acc.acceptance', 'pending')).toContain(t.id);
    expect((await api.messages('sz.acceptor', t.id)).map((m) => [m.kind, m.title])).toEqual([['return', `退回：${t.number} 测试事件`]]);

    await api.act('sz.acceptor', t.id, 'acc.toDispatch', undefined, '再次交办');
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', center: 'zjg', dispatch: { round: 2 } });
    const fresh = d.tasks.filter((x) => x.round === 2);
    expect(fresh.map((x) => `${x.department}:${x.node}`).sort()).toEqual(['zjg.cgj.hws:pending', 'zjg.cgj:pending', 'zjg.sthj:pending']);
    const pending = await api.listed('zjg.cgj.handler', 'view.hnd.tasks', 'pending');
    expect(pending).toContain(fresh.find((x) => x.department === 'zjg.cgj')!.id);
    expect(d.tasks.filter((x) => x.round !== 2).every((x) => !pending.includes(x.id))).toBe(true);
  });

  const climbing: [string, ApplicationKind, Record<string, unknown>][] = [
    ['task.applyExtension', 'extension', { amount: 1, unit: 'workDay' }],
    ['task.applySuspension', 'suspension', {}],
    ['task.applyTransfer', 'transfer', { department: 'zjg.zjj' }],
  ];
  for (const [button, kind, payload] of climbing) {
    it(`REV-3/4/6 ${kind} of an upper-assigned ticket: 张家港's shift leader passes it on to 苏州's, whose approval applies it`, async () => {
      const t = await upperAssigned();
      let d = await api.detail('zjg.cgj.handler', t.id);
      const cgj = task(d, 'zjg.cgj').id;
      await api.act('zjg.cgj.handler', t.id, button, { task: cgj }, '申请', payload);
      d = await api.detail('zjg.shiftleader', t.id);
      const app = application(d, kind);
      expect(app.chain).toEqual([{ level: 'center', department: 'zjg' }, { level: 'upper', department: 'sz' }]);
      expect(await api.listed('zjg.shiftleader', `view.rev.${kind}`, 'pending')).toContain(app.id);
      expect(await api.listed('sz.shiftleader', `view.rev.${kind}`, 'pending')).not.toContain(app.id);
      await api.refused('sz.shiftleader', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'app.approve', { application: app.id });
      await api.act('zjg.shiftleader', t.id, 'app.approve', { application: app.id }, '同意，报市中心');
      d = await api.detail('zjg.cgj.handler', t.id);
      expect(application(d, kind)).toMatchObject({ node: 'upperReview', step: 1 });
      expect(task(d, 'zjg.cgj').node).toBe('pending');
      expect(await api.listed('sz.shiftleader', `view.rev.${kind}`, 'pending')).toContain(app.id);
      expect(await api.listed('zjg.shiftleader', `view.rev.${kind}`, 'pending')).not.toContain(app.id);
      expect(await api.listed('zjg.cgj.handler', 'view.hnd.applications', `${kind}Pending`)).toContain(app.id);
      await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'app.approve', { application: app.id });
      await api.act('sz.shiftleader', t.id, 'app.approve', { application: app.id }, '同意');
      d = await api.detail('zjg.cgj.handler', t.id);
      expect(application(d, kind).node).toBe('approved');
      expect(await api.listed('zjg.cgj.handler', 'view.hnd.applications', `${kind}Done`)).toContain(app.id);
      const old = d.tasks.find((x) => x.id === cgj)!;
      if (kind === 'extension') expect(old.clocks['stage:pending']?.extensions).toHaveLength(1);
      if (kind === 'suspension') {
        expect(old.node).toBe('suspended');
        expect(d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')).toMatchObject({ status: 'paused' });
      }
      if (kind === 'transfer') expect([old.node, task(d, 'zjg.zjj').node]).toEqual(['transferred', 'pending']);
      expect(d.history.filter((h) => h.entity.id === app.id).map((h) => [h.actor?.user, h.fromNode, h.toNode])).toEqual([
        ['zjg.shiftleader', 'centerReview', 'upperReview'], ['sz.shiftleader', 'upperReview', 'approved'],
      ]);
    });
  }

  it('REV-2/REV-5 assist and return applications of an upper-assigned ticket stay at the lower center', async () => {
    const t = await upperAssigned();
    let d = await api.detail('zjg.sthj.handler', t.id);
    const sthj = task(d, 'zjg.sthj').id;
    await api.act('zjg.sthj.handler', t.id, 'task.applyAssist', { task: sthj }, '需配合', { departments: ['zjg.swj'] });
    await api.act('zjg.sthj.handler', t.id, 'task.return', { task: sthj }, '退回');
    d = await api.detail('zjg.shiftleader', t.id);
    const [assist, ret] = [application(d, 'assist'), application(d, 'return')];
    expect([assist.chain, ret.chain]).toEqual([[{ level: 'center', department: 'zjg' }], [{ level: 'center', department: 'zjg' }]]);
    expect(await api.listed('zjg.reviewer', 'view.rev.assist', 'pending')).toContain(assist.id);
    expect(await api.listed('sz.reviewer', 'view.rev.assist', 'pending')).not.toContain(assist.id);
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: ret.id });
    d = await api.detail('zjg.shiftleader', t.id);
    expect(application(d, 'return').node).toBe('approved');
    expect(task(d, 'zjg.sthj').node).toBe('returned');
    expect(d.ticket).toMatchObject({ node: 'handling', center: 'zjg' });
  });

  it('REV-3 a rejection by the upper center tells the applicant and leaves the stage deadline where it was', async () => {
    const t = await upperAssigned();
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    const dueBefore = d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')!.dueAt;
    await api.act('zjg.cgj.handler', t.id, 'task.applyExtension', { task: cgj }, '申请', { amount: 2, unit: 'workDay' });
    d = await api.detail('zjg.shiftleader', t.id);
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: application(d, 'extension').id });
    await api.act('sz.shiftleader', t.id, 'app.reject', { application: application(d, 'extension').id }, '不予延期');
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(application(d, 'extension').node).toBe('rejected');
    expect(task(d, 'zjg.cgj').clocks['stage:pending']?.extensions ?? []).toHaveLength(0);
    expect(d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')!.dueAt).toBe(dueBefore);
    expect((await api.messages('zjg.cgj.handler', t.id)).map((m) => m.kind)).toEqual(['rejection']);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.applications', 'extensionDone')).toContain(application(d, 'extension').id);
  });

  it('REV-4/X-5 the only deciding task suspended pauses its clock and the overall clock; cancelling resumes both without the paused time', async () => {
    api.nextMorning();
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    const consumedBefore = d.sla.overall!.consumed;
    app.now += HOUR;
    await api.act('zjg.cgj.handler', t.id, 'task.applySuspension', { task: cgj }, '等待');
    d = await api.detail('zjg.shiftleader', t.id);
    const suspension = application(d, 'suspension');
    expect(await api.listed('zjg.shiftleader', 'view.rev.suspension', 'pending')).toContain(suspension.id);
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: suspension.id });
    app.now += 4 * HOUR; // less than the session lifetime: the demo users stay logged in
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.sla.overall).toMatchObject({ status: 'paused', state: 'paused', consumed: consumedBefore + HOUR });
    expect(d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')).toMatchObject({ status: 'paused', consumed: HOUR });
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.tasks', 'pending')).toContain(cgj);
    const row = (await api.list('zjg.cgj.handler', 'view.hnd.tasks', 'pending')).rows.find((r) => r.id === cgj)!;
    expect(row.cells.sla).toMatchObject({ state: 'paused' });

    await api.act('zjg.cgj.handler', t.id, 'app.cancelSuspension', { application: suspension.id }, '已具备条件');
    app.now += HOUR;
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.sla.overall).toMatchObject({ status: 'running', consumed: consumedBefore + 2 * HOUR });
    expect(d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')).toMatchObject({ status: 'running', consumed: 2 * HOUR });
  });

  it('REV-4/X-5 multi-department: the overall clock pauses only when every deciding task is suspended; a rejection changes nothing', async () => {
    const t = await api.assigned({ handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    const suspend = async (department: string, decision: 'app.approve' | 'app.reject') => {
      let d = await api.detail(`${department}.handler`, t.id);
      await api.act(`${department}.handler`, t.id, 'task.applySuspension', { task: task(d, department).id }, '等待');
      d = await api.detail('zjg.shiftleader', t.id);
      await api.act('zjg.shiftleader', t.id, decision, { application: openApplication(d, 'suspension', department).id }, decision === 'app.approve' ? '同意' : '不同意');
      return api.detail(`${department}.handler`, t.id);
    };
    let d = await suspend('zjg.sthj', 'app.approve');
    expect([task(d, 'zjg.sthj').node, d.sla.overall!.status]).toEqual(['suspended', 'running']);
    d = await suspend('zjg.zjj', 'app.reject');
    expect([task(d, 'zjg.zjj').node, d.sla.overall!.status]).toEqual(['pending', 'running']);
    expect((await api.messages('zjg.zjj.handler', t.id)).map((m) => m.kind)).toEqual(['rejection']);
    // GZ_APPLY_COUNT is 1: the rejected one counted; 住建局 cannot ask again, so only 生态环境局 is suspended
    await api.refused('zjg.zjj.handler', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'task.applySuspension', { task: task(d, 'zjg.zjj').id }, '再挂账');

    const other = await api.assigned({ handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    for (const department of ['zjg.sthj', 'zjg.zjj']) {
      d = await api.detail(`${department}.handler`, other.id);
      await api.act(`${department}.handler`, other.id, 'task.applySuspension', { task: task(d, department).id }, '等待');
      d = await api.detail('zjg.shiftleader', other.id);
      await api.act('zjg.shiftleader', other.id, 'app.approve', { application: openApplication(d, 'suspension', department).id });
      d = await api.detail('zjg.shiftleader', other.id);
      expect(d.sla.overall!.status, department).toBe(department === 'zjg.sthj' ? 'running' : 'paused');
    }
    await api.act('zjg.sthj.handler', other.id, 'app.cancelSuspension', { application: application(d, 'suspension', 'zjg.sthj').id }, '恢复');
    expect((await api.detail('zjg.shiftleader', other.id)).sla.overall!.status).toBe('running');
  });

  it('REV-5 multi: the last return with the others approved goes on to callback', async () => {
    const t = await api.assigned({ handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] }, 'zjg', { callbackWanted: true });
    await api.finish(t.id, 'zjg.sthj');
    await returned(t.id, 'zjg.zjj');
    const d = await api.detail('zjg.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'callback', returned: false });
    expect(await api.listed('zjg.acceptor', 'view.cls.callback', 'pending')).toContain(t.id);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.returned', 'returned')).not.toContain(t.id);
  });

  it('REV-5 multi: a return that is not the last waits; when all are returned the ticket is back under 分拨退回', async () => {
    const t = await api.assigned({ handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    await returned(t.id, 'zjg.sthj');
    let d = await api.detail('zjg.dispatcher', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', returned: false });
    expect(task(d, 'zjg.sthj').node).toBe('returned');
    expect(await api.listed('zjg.dispatcher', 'view.dsp.returned', 'returned')).not.toContain(t.id);
    await returned(t.id, 'zjg.zjj');
    d = await api.detail('zjg.dispatcher', t.id);
    expect(d.ticket).toMatchObject({ node: 'dispatch', returned: true });
    expect(await api.listed('zjg.dispatcher', 'view.dsp.returned', 'returned')).toContain(t.id);
    const reviewed = await api.listed('zjg.shiftleader', 'view.rev.return', 'reviewed');
    expect(d.applications.filter((a) => a.kind === 'return').every((a) => reviewed.includes(a.id))).toBe(true);
  });
  it('REV-6 a rejected transfer tells the applicant; the task goes on with its department and may ask again', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    await api.act('zjg.cgj.handler', t.id, 'task.applyTransfer', { task: cgj }, '属住建职责', { department: 'zjg.zjj' });
    d = await api.detail('zjg.shiftleader', t.id);
    const first = application(d, 'transfer');
    await api.act('zjg.shiftleader', t.id, 'app.reject', { application: first.id }, '属于城管职责');
    expect((await api.messages('zjg.cgj.handler', t.id)).map((m) => [m.kind, m.title])).toEqual([['rejection', `驳回：转派申请未通过 ${t.number} 测试事件`]]);
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.tasks.map((x) => `${x.department}:${x.node}`)).toEqual(['zjg.cgj:pending']);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.applications', 'transferDone')).toContain(first.id);
    expect(await api.listed('zjg.shiftleader', 'view.rev.transfer', 'reviewed')).toContain(first.id);
    await api.act('zjg.cgj.handler', t.id, 'task.applyTransfer', { task: cgj }, '补充说明后再申请', { department: 'zjg.zjj' });
    d = await api.detail('zjg.shiftleader', t.id);
    expect(openApplication(d, 'transfer').id).not.toBe(first.id);
  });
  it('REV-1 batch approval of the selected results (结果审核 批量通过): every result approved once, the ticket moves on once', async () => {
    const t = await api.assigned({ handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj', 'zjg.swj'] });
    let d = await api.detail('zjg.dispatcher', t.id);
    for (const dep of ['zjg.sthj', 'zjg.zjj', 'zjg.swj']) await api.act(`${dep}.handler`, t.id, 'task.complete', { task: task(d, dep).id }, '已处理');
    d = await api.detail('zjg.reviewer', t.id);
    const results = d.applications.filter((a) => a.kind === 'result').map((a) => a.id);
    const pending = await api.list('zjg.reviewer', 'view.rev.result', 'pending');
    expect(pending.rows.filter((r) => r.ticketId === t.id).map((r) => r.id).sort()).toEqual([...results].sort());
    const answers = await Promise.all(results.map((id) => api.attempt('zjg.reviewer', t.id, 'app.approve', { application: id }, '同意')));
    // one request per selected row; a request that lost the race on the ticket's version may be retried by the client
    for (const [i, res] of answers.entries()) {
      if (res.statusCode !== 200) {
        expect([res.statusCode, (res.json() as { code: string }).code]).toEqual([409, 'TG_ERR_STALE_VERSION']);
        await api.act('zjg.reviewer', t.id, 'app.approve', { application: results[i]! }, '同意');
      }
    }
    d = await api.detail('zjg.reviewer', t.id);
    expect(d.ticket.node).toBe('closing');
    expect(d.applications.filter((a) => a.kind === 'result').map((a) => a.node)).toEqual(['approved', 'approved', 'approved']);
    expect(d.history.filter((h) => h.event === 'app.approve')).toHaveLength(3);
    expect(d.history.filter((h) => h.event === '$tasks.settled')).toHaveLength(1);
    expect((await api.list('zjg.reviewer', 'view.rev.result', 'pending')).rows.filter((r) => r.ticketId === t.id)).toEqual([]);
  });
});
