import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledBundle, TicketState } from '../../../engine/index.js';
import { evaluateClock, formatLocalDateTime, type ClockState, type EvaluationContext } from '../../../engine/sla/index.js';
import { builtInBundle, HOUR, Scenario, TUESDAY_9AM } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

const MINUTE = 60_000;

function context(urgency: TicketState['urgency'] = 'normal'): EvaluationContext {
  return { calendar: cb.bundle.defs.calendar['cn-official'], attendance: cb.bundle.defs.attendance.standard, urgency };
}

/** Evaluates a stored clock against its own time limit, as the runtime does for lists and detail pages. */
function evaluate(clock: ClockState | undefined, now: number, urgency: TicketState['urgency'] = 'normal') {
  expect(clock, 'clock').toBeDefined();
  return evaluateClock(clock!, cb.timeLimit(clock!.limitId)!, context(urgency), now);
}

const local = (at: number) => formatLocalDateTime(at, 480);

async function assigned(s: Scenario, payload: Record<string, unknown>, reg: { urgency?: TicketState['urgency']; item?: string } = {}) {
  const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', ...reg }, '送分拨');
  await s.act('zjg.dispatcher', 'dsp.assign', { ticket: w.ticket.id }, '请处理', payload);
  return w.ticket.id;
}

describe('X-5 overall and stage clocks', () => {
  it('X-5 the overall clock runs from submission (not from the draft) to closing', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' });
    const id = w.ticket.id;
    expect(w.ticket.clocks.overall).toBeUndefined();
    s.advance(HOUR); // 10:00
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    expect(s.world(id).ticket.clocks.overall).toMatchObject({ limitId: 'tl.overall.10wd', status: 'running', segments: [{ from: TUESDAY_9AM + HOUR }] });
    await s.act('zjg.dispatcher', 'dsp.directReply', { ticket: id }, '已答复');
    expect(s.node(id)).toBe('closed');
    s.advance(5 * HOUR); // 15:00
    const overall = evaluate(s.world(id).ticket.clocks.overall, s.now);
    expect(overall).toMatchObject({ status: 'stopped', consumed: 0 });

    const t = new Scenario(cb);
    const x = await t.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨'); // 09:00
    await t.act('zjg.dispatcher', 'dsp.assign', { ticket: x.ticket.id }, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    t.advance(6 * HOUR); // 15:00
    await t.act('zjg.cgj.handler', 'task.complete', { task: t.task(x.ticket.id, 'zjg.cgj').id }, '已处理');
    await t.act('zjg.reviewer', 'app.approve', { application: t.application(x.ticket.id, 'result').id });
    expect(t.world(x.ticket.id).ticket.clocks.overall?.status).toBe('running');
    t.advance(HOUR); // 16:00
    await t.act('zjg.shiftleader', 'cls.close', { ticket: x.ticket.id });
    t.advance(24 * HOUR);
    const closed = evaluate(t.world(x.ticket.id).ticket.clocks.overall, t.now);
    // 09:00-12:00 and 13:30-16:00 of working time
    expect(closed).toMatchObject({ status: 'stopped', consumed: 5.5 * HOUR, sla: 'normal' });
  });

  it('X-5 each node\u2019s stage clock starts on entry and stops on exit, and goes overdue after its limit', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    const id = w.ticket.id;
    expect(w.ticket.clocks['stage:dispatch']).toMatchObject({ limitId: 'tl.stage.dispatch', status: 'running' });
    expect(evaluate(w.ticket.clocks['stage:dispatch'], s.now).sla).toBe('normal');
    s.advance(2 * HOUR);
    expect(evaluate(w.ticket.clocks['stage:dispatch'], s.now).sla).toBe('overdue');
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    const ticket = s.world(id).ticket;
    expect(ticket.clocks['stage:dispatch']).toMatchObject({ status: 'stopped', segments: [{ from: TUESDAY_9AM, to: TUESDAY_9AM + 2 * HOUR }] });
    expect(s.task(id, 'zjg.cgj').clocks['stage:pending']).toMatchObject({ limitId: 'tl.stage.handle', status: 'running', segments: [{ from: s.now }] });
    await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已处理');
    expect(s.task(id, 'zjg.cgj').clocks['stage:pending']?.status).toBe('stopped');
    const result = s.application(id, 'result');
    expect(result.clocks['stage:centerReview']).toMatchObject({ limitId: 'tl.stage.review', status: 'running' });
    await s.act('zjg.reviewer', 'app.approve', { application: result.id });
    expect(s.application(id, 'result').clocks['stage:centerReview']?.status).toBe('stopped');
  });

  it('X-5 urgency changes the due time (违规设置户外广告: 10 / 5 / 3 working days)', async () => {
    const s = new Scenario(cb);
    const due: Record<string, string> = {};
    for (const urgency of ['normal', 'urgent', 'veryUrgent'] as const) {
      const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', urgency }, '送分拨');
      due[urgency] = local(evaluate(w.ticket.clocks.overall, s.now, w.ticket.urgency).dueAt);
    }
    expect(due).toEqual({ normal: '2025-06-23 17:30', urgent: '2025-06-16 17:30', veryUrgent: '2025-06-12 17:30' });
  });

  it('X-5/ACC-5 editing the urgency changes the handling stage\u2019s due time (8 / 4 working hours)', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.dq.grid', 'grid.report', { item: 'item.wzgg', source: 'grid' });
    const id = w.ticket.id;
    await s.act('ys.acceptor', 'acc.edit', { ticket: id }, undefined, { fields: { urgency: 'urgent' } });
    await s.act('ys.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    await s.act('ys.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'ys.cgzd' });
    const ticket = s.world(id).ticket;
    const stage = s.task(id, 'ys.cgzd').clocks['stage:pending'];
    expect(local(evaluate(stage, s.now, 'normal').dueAt)).toBe('2025-06-11 10:00');
    expect(local(evaluate(stage, s.now, ticket.urgency).dueAt)).toBe('2025-06-10 14:30');
  });

  it('X-5/REV-3 an approved extension adds time to the stage deadline', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    const before = evaluate(s.task(id, 'zjg.cgj').clocks['stage:pending'], s.now);
    await s.act('zjg.cgj.handler', 'task.applyExtension', { task: s.task(id, 'zjg.cgj').id }, '需要时间', { amount: 2, unit: 'workHour' });
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'extension').id });
    const after = evaluate(s.task(id, 'zjg.cgj').clocks['stage:pending'], s.now);
    expect(after.budget - before.budget).toBe(2 * HOUR);
    expect([local(before.dueAt), local(after.dueAt)]).toEqual(['2025-06-11 10:00', '2025-06-11 12:00']);
  });
});

describe('X-5 suspension pauses clocks', () => {
  it('X-5/REV-4 suspension pauses the task clock and, the only deciding task being suspended, the overall clock', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    s.advance(HOUR); // 10:00
    await s.act('zjg.cgj.handler', 'task.applySuspension', { task: s.task(id, 'zjg.cgj').id }, '等待');
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'suspension').id });
    expect(s.world(id).ticket.clocks.overall?.status).toBe('paused');
    s.advance(24 * HOUR); // Wednesday 10:00
    expect(evaluate(s.task(id, 'zjg.cgj').clocks['stage:pending'], s.now)).toMatchObject({ sla: 'paused', consumed: HOUR });
    expect(evaluate(s.world(id).ticket.clocks.overall, s.now)).toMatchObject({ sla: 'paused', consumed: HOUR });
    await s.act('zjg.cgj.handler', 'app.cancelSuspension', { application: s.application(id, 'suspension').id });
    expect(s.world(id).ticket.clocks.overall?.status).toBe('running');
    s.advance(HOUR); // Wednesday 11:00
    expect(evaluate(s.task(id, 'zjg.cgj').clocks['stage:pending'], s.now)).toMatchObject({ status: 'running', consumed: 2 * HOUR });
    expect(evaluate(s.world(id).ticket.clocks.overall, s.now).consumed).toBe(2 * HOUR);
  });

  it('X-5 the overall clock pauses only when every deciding task is suspended', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    for (const d of ['zjg.sthj', 'zjg.zjj']) {
      await s.act(`${d}.handler`, 'task.applySuspension', { task: s.task(id, d).id }, '等待');
      await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'suspension', d).id });
      expect(s.world(id).ticket.clocks.overall?.status).toBe(d === 'zjg.sthj' ? 'running' : 'paused');
    }
    await s.act('zjg.sthj.handler', 'app.cancelSuspension', { application: s.application(id, 'suspension', 'zjg.sthj').id });
    expect(s.world(id).ticket.clocks.overall?.status).toBe('running');
  });
});

describe('X-5 metering on re-entry', () => {
  it('X-5 the cumulative handling stage keeps its consumed time when a rejected result sends the task back', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    s.advance(2 * HOUR); // 11:00
    await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已处理');
    s.advance(4 * HOUR); // 15:00: the review time does not count for the department
    await s.act('zjg.reviewer', 'app.reject', { application: s.application(id, 'result').id }, '未整改到位');
    s.advance(HOUR); // 16:00
    const stage = s.task(id, 'zjg.cgj').clocks['stage:pending'];
    expect(stage?.metering).toBe('cumulative');
    expect(evaluate(stage, s.now)).toMatchObject({ status: 'running', consumed: 3 * HOUR });
  });

  it('X-5 a single-metered stage restarts when re-entered after the upper center rejects the result', async () => {
    const s = new Scenario(cb);
    const w = await s.register('sz.acceptor', 'acc.toDispatch', { item: 'item.bllj' }, '交办'); // at 张家港 acceptance, 09:00
    const id = w.ticket.id;
    s.advance(HOUR);
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    expect(s.world(id).ticket.clocks['stage:acceptance']).toMatchObject({ status: 'stopped', segments: [{ from: TUESDAY_9AM, to: TUESDAY_9AM + HOUR }] });
    await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已清运');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result').id });
    s.advance(30 * MINUTE);
    await s.act('sz.shiftleader', 'uprev.reject', { ticket: id }, '不合格');
    const acceptance = s.world(id).ticket.clocks['stage:acceptance'];
    expect(acceptance).toMatchObject({ metering: 'single', status: 'running', segments: [{ from: s.now }] });
    expect(acceptance?.events.at(-1)).toEqual({ type: 'reenter', at: s.now, reset: true });
    expect(evaluate(acceptance, s.now)).toMatchObject({ consumed: 0, sla: 'normal' });
  });
});
