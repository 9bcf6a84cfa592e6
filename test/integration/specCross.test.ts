import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../engine/sla/index.js';
import { Api, HOUR } from './support/api.js';
import { events, MINUTE, openApplication } from './support/spec.js';
import { useTestApp } from './support/useTestApp.js';

const task = Api.task;
const application = Api.application;
/** Tuesday 2025-06-10 09:00 in Suzhou, a working day: where the suite's clock begins. */
const TUESDAY_9AM = Date.parse('2025-06-10T09:00:00+08:00');
const local = (at: number) => formatLocalDateTime(at, 480);

/** SPEC X-1..X-5 and X-8 over HTTP: the engine scenarios of test/unit/engine/sla.test.ts, multilevel.test.ts and lists.test.ts, read back through detail, lists, messages and exports. */
describe.each(['sqlite', 'mariadb'] as const)('SPEC X cross-cutting over HTTP on %s', (dialect) => {
  const { app, api } = useTestApp(dialect, TUESDAY_9AM);

  /** 违规设置户外广告 in 凤凰镇's grid, delegated by hand 苏州 → 张家港 → 凤凰镇 and assigned there to 凤凰镇城管中队. */
  async function delegatedTwice(callbackWanted = false) {
    const t = await api.register('sz.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.fh.xz.01', callbackWanted }, '送分拨');
    app.now += HOUR;
    await api.act('sz.dispatcher', t.id, 'dsp.delegate', undefined, '交办张家港', { center: 'zjg' });
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    app.now += HOUR;
    await api.act('zjg.dispatcher', t.id, 'dsp.delegate', undefined, '交办凤凰镇', { center: 'fh' });
    await api.act('fh.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('fh.dispatcher', t.id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'fh.cgzd' });
    return t;
  }

  /** 凤凰镇城管中队 completes and 凤凰镇's reviewer approves: the result goes up to 张家港's upper review. */
  async function finishedAtFh(ticket: string) {
    const d = await api.detail('fh.cgzd.handler', ticket);
    await api.act('fh.cgzd.handler', ticket, 'task.complete', { task: task(d, 'fh.cgzd').id }, '已拆除');
    await api.act('fh.reviewer', ticket, 'app.approve', { application: application(await api.detail('fh.reviewer', ticket), 'result').id });
  }

  // first, while the simulated clock still stands at Tuesday 09:00
  it('X-5 urgency sets the overall deadline (违规设置户外广告: 10 / 5 / 3 working days from Tuesday 09:00), in the detail and the list', async () => {
    expect(app.now).toBe(TUESDAY_9AM);
    const due: Record<string, string> = {};
    for (const urgency of ['normal', 'urgent', 'veryUrgent'] as const) {
      const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', urgency, title: `紧急程度 ${urgency}` }, '送分拨');
      const d = await api.detail('zjg.dispatcher', t.id);
      expect(d.ticket.urgency).toBe(urgency);
      due[urgency] = local(d.sla.overall!.dueAt);
      const row = (await api.list('zjg.dispatcher', 'view.dsp.dispatch', 'pending')).rows.find((r) => r.id === t.id)!;
      expect((row.cells.sla as { overall: { dueAt: number } }).overall.dueAt).toBe(d.sla.overall!.dueAt);
    }
    expect(due).toEqual({ normal: '2025-06-23 17:30', urgent: '2025-06-16 17:30', veryUrgent: '2025-06-12 17:30' });
  });

  it('X-5/ACC-5 editing the urgency at acceptance halves the handling stage (8 → 4 working hours)', async () => {
    const morning = api.nextMorning();
    const t = await api.gridReport();
    await api.act('ys.acceptor', t.id, 'acc.edit', undefined, undefined, { fields: { urgency: 'urgent' } });
    await api.act('ys.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('ys.dispatcher', t.id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'ys.cgzd' });
    const d = await api.detail('ys.cgzd.handler', t.id);
    const stage = d.sla.tasks[task(d, 'ys.cgzd').id]!.find((c) => c.key === 'stage:pending')!;
    // 09:00–12:00 and 13:30–14:30: four working hours
    expect(local(stage.dueAt)).toBe(`${local(morning).slice(0, 10)} 14:30`);
    expect(stage).toMatchObject({ budget: 4 * HOUR, status: 'running' });
    expect(d.changes.map((c) => [c.field, c.before, c.after])).toEqual([['urgency', 'normal', 'urgent']]);
  });

  it('X-5/REV-3 an approved extension of 2 working hours moves the handling deadline by 2 working hours', async () => {
    const morning = api.nextMorning();
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    const before = d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')!;
    await api.act('zjg.cgj.handler', t.id, 'task.applyExtension', { task: cgj }, '需要时间', { amount: 2, unit: 'workHour' });
    d = await api.detail('zjg.shiftleader', t.id);
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: application(d, 'extension').id });
    d = await api.detail('zjg.cgj.handler', t.id);
    const after = d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')!;
    expect(after.budget - before.budget).toBe(2 * HOUR);
    const nextDay = local(after.dueAt).slice(0, 10);
    expect(nextDay > local(morning).slice(0, 10)).toBe(true);
    expect([local(before.dueAt), local(after.dueAt)]).toEqual([`${nextDay} 10:00`, `${nextDay} 12:00`]);
    expect(after.explanation['zh-CN']).toMatch(/延期 2 个工作小时|延期 2 工作时|延期 2/);
  });

  it('X-5 the overall clock runs from submission (not from the draft) to closing, on working time only', async () => {
    const morning = api.nextMorning();
    const t = await api.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' }, '');
    app.now += HOUR; // 10:00
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('zjg.dispatcher', t.id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.dispatcher', t.id);
    expect(d.ticket.clocks.overall?.segments).toEqual([{ from: morning + HOUR }]);
    app.now += 5 * HOUR; // 15:00
    await api.finish(t.id, 'zjg.cgj');
    expect((await api.detail('zjg.shiftleader', t.id)).sla.overall).toMatchObject({ status: 'running' });
    app.now += HOUR; // 16:00
    await api.act('zjg.shiftleader', t.id, 'cls.close', undefined, '结案');
    app.now += HOUR;
    d = await api.detail('zjg.shiftleader', t.id);
    // 10:00–12:00 and 13:30–16:00 of working time
    expect(d.sla.overall).toMatchObject({ status: 'stopped', state: 'normal', consumed: 4.5 * HOUR });
    expect(d.sla.overall!.explanation['zh-CN']).toMatch(/停止计时/);
    const row = (await api.list('zjg.shiftleader', 'view.cls.closing', 'closed')).rows.find((r) => r.id === t.id)!;
    expect((row.cells.sla as { overall: { state: string } }).overall.state).toBe('normal');
  });

  it('X-5 the cumulative handling stage keeps its consumed time when a rejected result sends the task back; review time does not count', async () => {
    api.nextMorning();
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    app.now += 2 * HOUR; // 11:00
    await api.act('zjg.cgj.handler', t.id, 'task.complete', { task: cgj }, '已处理');
    app.now += 4 * HOUR; // 15:00
    d = await api.detail('zjg.reviewer', t.id);
    const result = application(d, 'result');
    expect(d.sla.applications[result.id]!.find((c) => c.key === 'stage:centerReview')).toMatchObject({ status: 'running' });
    await api.act('zjg.reviewer', t.id, 'app.reject', { application: result.id }, '未整改到位');
    app.now += HOUR; // 16:00
    d = await api.detail('zjg.cgj.handler', t.id);
    expect(task(d, 'zjg.cgj').clocks['stage:pending']?.metering).toBe('cumulative');
    expect(d.sla.tasks[cgj]!.find((c) => c.key === 'stage:pending')).toMatchObject({ status: 'running', consumed: 3 * HOUR });
    expect(d.sla.applications[result.id]!.find((c) => c.key === 'stage:centerReview')).toMatchObject({ status: 'stopped' });
  });

  it('X-5 a single-metered stage restarts when re-entered: 苏州 rejects the result and its acceptance clock starts afresh', async () => {
    const morning = api.nextMorning();
    const t = await api.register('sz.acceptor', 'acc.toDispatch', { item: 'item.bllj' }, '交办');
    app.now += HOUR;
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    let d = await api.detail('zjg.acceptor', t.id);
    expect(d.sla.ticket.find((c) => c.key === 'stage:acceptance')).toMatchObject({ status: 'stopped', consumed: HOUR });
    expect(d.ticket.clocks['stage:acceptance']?.segments).toEqual([{ from: morning, to: morning + HOUR }]);
    await api.finish(t.id, 'zjg.cgj');
    app.now += 30 * MINUTE;
    await api.act('sz.shiftleader', t.id, 'uprev.reject', undefined, '不合格');
    d = await api.detail('sz.acceptor', t.id);
    const acceptance = d.sla.ticket.find((c) => c.key === 'stage:acceptance')!;
    expect(d.ticket.clocks['stage:acceptance']).toMatchObject({ metering: 'single', status: 'running', segments: [{ from: app.now }] });
    expect(acceptance).toMatchObject({ status: 'running', state: 'normal', consumed: 0, dueAt: app.now + HOUR });
  });

  it('X-1 the timeline and change records read the same for the handling unit, the CC department and the center', async () => {
    const t = await api.gridReport({ title: '东桥路口广告牌' });
    await api.act('ys.acceptor', t.id, 'acc.edit', undefined, '补充地址', { fields: { detailAddress: '东桥路 12 号北侧' } });
    await api.act('ys.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('ys.dispatcher', t.id, 'dsp.assign', undefined, '请城管中队处理', { handling: 'mainAssist', main: 'ys.cgzd', cc: ['ys.hq'] });
    const d = await api.detail('ys.cgzd.handler', t.id);
    await api.act('ys.cgzd.handler', t.id, 'task.feedback', { task: task(d, 'ys.cgzd').id }, '已到现场');
    const seen = [];
    for (const login of ['ys.cgzd.handler', 'ys.hq.handler', 'ys.shiftleader', 'ys.acceptor']) {
      const x = await api.detail(login, t.id);
      seen.push({ events: events(x), opinions: x.history.map((h) => h.opinion ?? null), changes: x.changes.map((c) => [c.field, c.after]) });
    }
    expect(seen[0]).toEqual({
      events: ['grid.report', 'acc.edit', 'acc.toDispatch', 'dsp.assign', 'task.feedback'],
      opinions: ['网格上报', '补充地址', '送分拨', '请城管中队处理', '已到现场'],
      changes: [['detailAddress', '东桥路 12 号北侧']],
    });
    for (const other of seen.slice(1)) expect(other).toEqual(seen[0]);
    expect(await api.listed('ys.hq.handler', 'view.hnd.cc', 'cc')).toContain(t.id);
  });

  it('X-2 applications are to-dos for their reviewers: the center\'s shift leaders, or first the parent department', async () => {
    const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.bllj', title: '暴露垃圾待清运' }, '送分拨');
    let d = await api.detail('zjg.cgj.handler', t.id);
    await api.act('zjg.cgj.handler', t.id, 'task.applyExtension', { task: task(d, 'zjg.cgj').id }, '需要时间', { amount: 1, unit: 'workDay' });
    await api.act('zjg.cgj.hws.handler', t.id, 'task.applyAssist', { task: task(d, 'zjg.cgj.hws').id }, '需执法大队配合', { departments: ['zjg.cgj.zfdd'] });
    const toLeaders = await api.messages('zjg.shiftleader', t.id);
    expect(toLeaders.map((m) => [m.kind, m.title])).toEqual([['application', `待审核：延期申请 ${t.number} 暴露垃圾待清运`]]);
    expect((await api.messages('zjg.shiftleader2', t.id)).map((m) => m.kind)).toEqual(['application']);
    expect((await api.messages('zjg.cgj.handler', t.id)).map((m) => [m.kind, m.title])).toEqual([['application', `待审核：协办申请 ${t.number} 暴露垃圾待清运`]]);
    for (const login of ['zjg.reviewer', 'zjg.sthj.handler', 'ys.shiftleader']) expect(await api.messages(login, t.id), login).toEqual([]);
    // approving the parent step passes the to-do on to nobody else for an assist (settled by the parent alone)
    d = await api.detail('zjg.cgj.handler', t.id);
    await api.act('zjg.cgj.handler', t.id, 'app.approve', { application: application(d, 'assist').id });
    expect((await api.messages('zjg.shiftleader', t.id)).map((m) => m.kind)).toEqual(['application']);
  });

  it('X-3 data scope: the centers the ticket passed through read it, a department only with its tasks or CCs', async () => {
    const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    const status = async (login: string) => (await api.request(login, 'GET', `/api/tickets/${t.id}`)).statusCode;
    expect(await status('ys.acceptor')).toBe(403);
    expect(await status('zjg.cgj.handler')).toBe(403);
    await api.act('zjg.dispatcher', t.id, 'dsp.delegate', undefined, '交办杨舍镇', { center: 'ys' });
    expect(await status('ys.acceptor')).toBe(200);
    expect(await status('fh.acceptor')).toBe(403);
    await api.act('ys.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('ys.dispatcher', t.id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'ys.cgzd', cc: ['ys.hbb'] });
    expect([await status('ys.cgzd.handler'), await status('ys.hbb.handler'), await status('ys.jsb.handler'), await status('zjg.cgj.handler')]).toEqual([200, 200, 403, 403]);
    expect(await status('zjg.acceptor')).toBe(200);
    // 分拨查询 covers the center and the centers below it
    expect(await api.listed('ys.dispatcher', 'view.dsp.query', 'all')).toContain(t.id);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.query', 'all')).toContain(t.id);
    expect(await api.listed('fh.dispatcher', 'view.dsp.query', 'all')).not.toContain(t.id);
    const row = (await api.list('ys.cgzd.handler', 'view.hnd.tasks', 'pending')).rows.find((r) => r.ticketId === t.id)!;
    expect(row.cells['fields.reporterName'] ?? row.cells.reporterName).not.toBe('张三');
  });

  it('X-4 the list a handler works from exports as .xlsx with the task\'s row, the reporter masked', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.jtj' }, 'zjg', { title: '导出测试广告牌' });
    const res = await api.request('zjg.jtj.handler', 'GET', '/api/views/view.hnd.tasks/tabs/pending/export');
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1).map(String));
    const mine = rows.find((r) => r.includes(t.number));
    expect(mine, JSON.stringify(rows)).toBeDefined();
    expect(mine).toContain('导出测试广告牌');
    expect(mine!.join(' ')).not.toContain('张三');
  });

  it('X-8 苏州 → 张家港 → 凤凰镇: the trail keeps every hop; the upper centers read the ticket but cannot act while 凤凰镇 holds it', async () => {
    const start = api.nextMorning();
    const t = await delegatedTwice();
    const d = await api.detail('fh.cgzd.handler', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', center: 'fh', source: 'upper', origin: 'center' });
    expect(d.ticket.trail).toEqual([
      { center: 'sz', via: 'register', at: start }, { center: 'zjg', via: 'delegate', at: start + HOUR }, { center: 'fh', via: 'delegate', at: start + 2 * HOUR },
    ]);
    expect(task(d, 'fh.cgzd').center).toBe('fh');
    expect(await api.listed('fh.cgzd.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'fh.cgzd').id);
    for (const login of ['zjg.shiftleader', 'sz.shiftleader']) expect((await api.detail(login, t.id)).ticket.center).toBe('fh');
    await api.refused('zjg.dispatcher', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'ticket.urge', undefined, '催办');
    await api.refused('sz.acceptor', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'ticket.urge', undefined, '催办');
    await api.act('fh.acceptor', t.id, 'ticket.urge', undefined, '请尽快处理');
    expect((await api.messages('fh.cgzd.handler', t.id)).map((m) => m.kind)).toEqual(['urge']);
  });

  it('X-8 the result climbs to 张家港\'s upper review; a rejection there goes back to 张家港\'s acceptance, not up to 苏州', async () => {
    const t = await delegatedTwice();
    await finishedAtFh(t.id);
    let d = await api.detail('zjg.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'upperReview', center: 'zjg', source: 'upper' });
    expect(await api.listed('zjg.shiftleader', 'view.rev.upperResult', 'pending')).toContain(t.id);
    expect(await api.listed('sz.shiftleader', 'view.rev.upperResult', 'pending')).not.toContain(t.id);
    await api.act('zjg.shiftleader', t.id, 'uprev.reject', undefined, '处置不到位');
    d = await api.detail('zjg.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'upper' });
    expect(d.ticket.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['sz:register', 'zjg:delegate']);
    expect(await api.listed('zjg.acceptor', 'view.acc.pool', 'pool')).toContain(t.id);
    expect((await api.messages('zjg.acceptor', t.id)).map((m) => m.kind)).toEqual(['return']);
    expect(await api.messages('sz.acceptor', t.id)).toEqual([]);
    expect(await api.listed('fh.cgzd.handler', 'view.hnd.tasks', 'pending')).not.toContain(task(d, 'fh.cgzd').id);
  });

  it('X-8 杨舍镇 escalates to 张家港, which handles and closes it itself: a suspension and the result are reviewed at 张家港 only', async () => {
    const t = await api.register('ys.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await api.act('ys.dispatcher', t.id, 'dsp.escalate', undefined, '需县级处理');
    let d = await api.detail('zjg.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'lower' });
    expect(d.ticket.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['ys:register', 'zjg:escalate']);
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('zjg.dispatcher', t.id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    d = await api.detail('zjg.cgj.handler', t.id);
    await api.act('zjg.cgj.handler', t.id, 'task.applySuspension', { task: task(d, 'zjg.cgj').id }, '等待');
    d = await api.detail('zjg.shiftleader', t.id);
    expect(application(d, 'suspension').chain).toEqual([{ level: 'center', department: 'zjg' }]);
    await api.act('zjg.shiftleader', t.id, 'app.reject', { application: application(d, 'suspension').id }, '不予挂账');
    await api.finish(t.id, 'zjg.cgj');
    d = await api.detail('zjg.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'closing', center: 'zjg' });
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'pending')).toContain(t.id);
    await api.act('zjg.shiftleader', t.id, 'cls.close', undefined, '结案');
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'closed')).toContain(t.id);
    // 杨舍镇 sent it up and sees it among its dispatched tickets, closed at 张家港
    expect(await api.listed('ys.dispatcher', 'view.dsp.dispatch', 'dispatched')).toContain(t.id);
    expect((await api.detail('ys.dispatcher', t.id)).ticket).toMatchObject({ node: 'closed', center: 'zjg' });
  });

  it('X-8 escalating back to the delegating center hands the ticket back: 苏州 still reviews the result', async () => {
    const t = await delegatedTwice();
    let d = await api.detail('fh.cgzd.handler', t.id);
    await api.act('fh.cgzd.handler', t.id, 'task.return', { task: task(d, 'fh.cgzd').id }, '非本镇职责');
    d = await api.detail('fh.shiftleader', t.id);
    await api.act('fh.shiftleader', t.id, 'app.approve', { application: openApplication(d, 'return').id });
    d = await api.detail('fh.dispatcher', t.id);
    expect(d.ticket).toMatchObject({ node: 'dispatch', center: 'fh', returned: true });
    expect(await api.listed('fh.dispatcher', 'view.dsp.returned', 'returned')).toContain(t.id);
    await api.act('fh.dispatcher', t.id, 'dsp.escalate', undefined, '退回张家港');
    d = await api.detail('zjg.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'upper' });
    expect(d.ticket.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['sz:register', 'zjg:delegate']);
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('zjg.dispatcher', t.id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    await api.finish(t.id, 'zjg.cgj');
    d = await api.detail('sz.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'upperReview', center: 'sz' });
    expect(await api.listed('sz.shiftleader', 'view.rev.upperResult', 'pending')).toContain(t.id);
  });
});
