import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationState, CompiledBundle, TaskState, TicketState, TicketWorld } from '../../../engine/index.js';
import { extendClock, pauseClock, startClock, stopClock, type ClockState } from '../../../engine/sla/index.js';
import { ticketSla } from '../../../runtime/tickets/slaView.js';
import { builtInBundle, HOUR, TUESDAY_9AM } from '../../support/scenario.js';

const MINUTE = 60_000;
let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

const start = (limitId: string, at: number): ClockState => startClock(undefined, cb.timeLimit(limitId)!, at);

/** A hand-built world (no engine decision): a ticket at acceptance with a task and an application. */
function world(clocks: { ticket?: Record<string, ClockState>; task?: Record<string, ClockState>; application?: Record<string, ClockState> }, urgency: TicketState['urgency'] = 'normal'): TicketWorld {
  const ticket = {
    id: 't1', number: 'DH2025061000001', bundleHash: cb.bundle.hash, domain: 'linkage', item: 'item.wzgg', flow: 'flow.linkage', node: 'acceptance',
    center: 'ys', trail: [{ center: 'ys', via: 'register', at: TUESDAY_9AM }], source: 'grid', origin: 'grid', channel: 'phone',
    reportedAt: TUESDAY_9AM, registeredAt: TUESDAY_9AM, registeredBy: 'ys.dq.grid', title: '测试事件', urgency, difficult: false,
    callbackWanted: false, confidential: false, returned: false, fields: {}, clocks: clocks.ticket ?? {}, version: 1,
  } satisfies TicketState;
  const task = {
    id: 'k1', ticket: 't1', department: 'ys.cgzd', center: 'ys', role: 'main', flow: 'flow.linkage.task', node: 'suspended', createdAt: TUESDAY_9AM,
    counts: { extension: 0, suspension: 1, return: 0 }, clocks: clocks.task ?? {}, version: 1,
  } satisfies TaskState;
  const application = {
    id: 'a1', ticket: 't1', task: 'k1', kind: 'result', flow: 'flow.linkage.application', node: 'approved', applicant: { user: 'ys.cgzd.handler', department: 'ys.cgzd' },
    chain: [{ level: 'center', department: 'ys' }], step: 0, payload: {}, createdAt: TUESDAY_9AM, clocks: clocks.application ?? {}, version: 1,
  } satisfies ApplicationState;
  return { ticket, tasks: [task], applications: [application] };
}

describe('X-5 ticketSla: the SLA block of the detail page', () => {
  it('X-5 a running 1-working-hour acceptance stage: normal, warning from 09:45, overdue after 10:00, with its explanation in both languages', () => {
    const w = world({ ticket: { overall: start('tl.overall.10wd', TUESDAY_9AM), 'stage:acceptance': start('tl.stage.accept', TUESDAY_9AM) } });
    const at = (ms: number) => ticketSla(cb, w, TUESDAY_9AM + ms).ticket[0]!;
    expect(at(30 * MINUTE)).toMatchObject({
      key: 'stage:acceptance', node: 'acceptance', limitId: 'tl.stage.accept', limitName: '受理环节 1 工作时', kind: 'working', status: 'running', state: 'normal',
      budget: HOUR, consumed: 30 * MINUTE, remaining: 30 * MINUTE, dueAt: TUESDAY_9AM + HOUR, warnAt: TUESDAY_9AM + 45 * MINUTE, projected: false,
    });
    expect(at(45 * MINUTE).state).toBe('warning');
    expect(at(HOUR).state).toBe('warning');
    const overdue = at(90 * MINUTE);
    expect(overdue).toMatchObject({ state: 'overdue', consumed: 90 * MINUTE, remaining: -30 * MINUTE });
    expect(overdue.explanation['zh-CN']).toBe('时限 1 个工作小时\n未设置预警提前量，剩余 15分钟（时限的四分之一）时开始预警\n2025-06-10 09:00 开始计时\n2025-06-10 09:45 起预警\n2025-06-10 10:00 到期');
    expect(overdue.explanation['en-US']).toBe('Limit: 1 working hour\nNo warning threshold set: warning starts when 15 min remain (a quarter of the limit)\n2025-06-10 09:00 clock started\nWarning from 2025-06-10 09:45\nDue 2025-06-10 10:00');

    const sla = ticketSla(cb, w, TUESDAY_9AM + 90 * MINUTE);
    expect(sla.evaluatedAt).toBe(TUESDAY_9AM + 90 * MINUTE);
    expect(sla.overall).toMatchObject({ key: 'overall', node: null, limitName: '10个工作日', status: 'running', state: 'normal', consumed: 90 * MINUTE });
    expect(sla.tasks).toEqual({ k1: [] });
    expect(sla.applications).toEqual({ a1: [] });
  });

  it('X-5 the ticket\'s urgency chooses the amount: an urgent handling stage has 4 working hours, and says so', () => {
    const w = world({ task: { 'stage:pending': start('tl.stage.handle', TUESDAY_9AM) } }, 'urgent');
    const [stage] = ticketSla(cb, w, TUESDAY_9AM).tasks.k1!;
    expect(stage).toMatchObject({ key: 'stage:pending', budget: 4 * HOUR, dueAt: Date.parse('2025-06-10T14:30:00+08:00') });
    expect(stage!.explanation['zh-CN']).toMatch(/紧急程度为“紧急”，采用其时限 4 个工作小时/);
    expect(stage!.explanation['en-US']).toMatch(/Urgency "urgent": its limit of 4 working hours applies/);
  });

  it('X-5/REV-4 a paused task clock is paused whatever its remaining time; REV-3 extensions are explained; a stopped application clock keeps its spell', () => {
    const handle = cb.timeLimit('tl.stage.handle')!;
    let taskClock = start('tl.stage.handle', TUESDAY_9AM);
    taskClock = extendClock(taskClock, { amount: 1, unit: 'workDay' }, TUESDAY_9AM + HOUR);
    taskClock = pauseClock(taskClock, TUESDAY_9AM + 2 * HOUR);
    const review = stopClock(start('tl.stage.review', TUESDAY_9AM), TUESDAY_9AM + 30 * MINUTE);
    const w = world({ task: { 'stage:pending': taskClock }, application: { 'stage:centerReview': review } });
    const sla = ticketSla(cb, w, TUESDAY_9AM + 20 * HOUR);
    const [paused] = sla.tasks.k1!;
    expect(paused).toMatchObject({ status: 'paused', state: 'paused', consumed: 2 * HOUR, projected: true, limitName: handle.name });
    expect(paused!.budget).toBeGreaterThan(8 * HOUR);
    expect(paused!.explanation['zh-CN']).toMatch(/2025-06-10 10:00 延期 1 个工作日\n2025-06-10 11:00 挂账，暂停计时/);
    expect(paused!.explanation['en-US']).toMatch(/extended by 1 working day[\s\S]*suspended: clock paused/);
    expect(sla.applications.a1).toEqual([expect.objectContaining({ key: 'stage:centerReview', node: 'centerReview', status: 'stopped', state: 'normal', consumed: 30 * MINUTE })]);
  });

  it('stage clocks are listed in the order they started; the overall clock is not a stage; no overall clock is null', () => {
    const dispatch = start('tl.stage.dispatch', TUESDAY_9AM + HOUR);
    const acceptance = stopClock(start('tl.stage.accept', TUESDAY_9AM), TUESDAY_9AM + HOUR);
    const sla = ticketSla(cb, world({ ticket: { 'stage:dispatch': dispatch, 'stage:acceptance': acceptance } }), TUESDAY_9AM + 150 * MINUTE);
    expect(sla.ticket.map((c) => [c.key, c.status, c.state])).toEqual([['stage:acceptance', 'stopped', 'normal'], ['stage:dispatch', 'running', 'overdue']]);
    expect(sla.overall).toBeNull();
  });

  it('a clock stamped after now (another process\'s clock ahead) is read at its last event; a limit the bundle does not know is left out', () => {
    const ahead = start('tl.stage.accept', TUESDAY_9AM + 5 * MINUTE);
    const unknown: ClockState = { ...start('tl.stage.accept', TUESDAY_9AM), limitId: 'tl.no.such.limit' };
    const sla = ticketSla(cb, world({ ticket: { 'stage:acceptance': ahead, 'stage:dispatch': unknown } }), TUESDAY_9AM);
    expect(sla.ticket).toEqual([expect.objectContaining({ key: 'stage:acceptance', consumed: 0, state: 'normal', dueAt: TUESDAY_9AM + 65 * MINUTE })]);
  });
});
