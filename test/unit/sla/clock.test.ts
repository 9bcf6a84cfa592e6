import { describe, expect, it } from 'vitest';
import {
  checkExtension,
  evaluateClock,
  exceedsOverall,
  extendClock,
  parseClockState,
  pauseClock,
  resumeClock,
  SlaError,
  startClock,
  stopClock,
} from '../../../engine/sla/index.js';
import { at, context, hours, limit, minutes, show } from './fixtures.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof SlaError ? error.code : `not an SlaError: ${String(error)}`;
  }
  return undefined;
}

const handling = limit({ amount: 8, unit: 'workHour' });

describe('SLA states (X-5)', () => {
  const state = startClock(undefined, handling, at('2025-06-10 09:00'));
  const when = (local: string) => evaluateClock(state, handling, context, at(local));

  it('X-5 normal, then warning a quarter before the deadline, then overdue strictly after it', () => {
    // 8 working hours from Tuesday 09:00: due Wednesday 10:00; default warning at 2 h left (Tuesday 16:30)
    expect(show(when('2025-06-10 09:00').dueAt)).toBe('2025-06-11 10:00');
    expect(show(when('2025-06-10 09:00').warnAt)).toBe('2025-06-10 16:30');
    expect(when('2025-06-10 16:29').sla).toBe('normal');
    expect(when('2025-06-10 16:30').sla).toBe('warning');
    expect(when('2025-06-10 20:00').sla).toBe('warning');
    expect(when('2025-06-11 10:00').sla).toBe('warning');
    expect(when('2025-06-11 10:01').sla).toBe('overdue');
    expect(when('2025-06-11 11:00').remaining).toBe(-hours(1));
  });

  it('X-5 consumed and remaining are working time', () => {
    const r = when('2025-06-10 14:00');
    expect(r.kind).toBe('working');
    expect(r.consumed).toBe(hours(3.5));
    expect(r.remaining).toBe(hours(4.5));
    expect(r.budget).toBe(hours(8));
    expect(r.status).toBe('running');
    expect(r.projected).toBe(false);
  });

  it('X-5 warnBefore sets when the warning starts', () => {
    const early = limit({ amount: 8, unit: 'workHour', warnBefore: { amount: 4, unit: 'workHour' } });
    const r = evaluateClock(startClock(undefined, early, at('2025-06-10 09:00')), early, context, at('2025-06-10 09:00'));
    expect(show(r.warnAt)).toBe('2025-06-10 14:30');
    expect(r.explanation.map((s) => s.code)).not.toContain('defaultWarning');
  });

  it('X-5 a stopped clock is overdue only if it stopped after the deadline', () => {
    expect(evaluateClock(stopClock(state, at('2025-06-11 10:00')), handling, context, at('2025-06-12 09:00')).sla).toBe('normal');
    const late = evaluateClock(stopClock(state, at('2025-06-11 10:30')), handling, context, at('2025-06-12 09:00'));
    expect(late.sla).toBe('overdue');
    expect(late.status).toBe('stopped');
    expect(late.consumed).toBe(hours(8.5));
  });
});

describe('urgency amounts (DEF-6 紧急配置)', () => {
  const urgentLimit = limit({ amount: 8, unit: 'workHour', urgencyAmounts: { urgent: 4, veryUrgent: 2 } });
  const state = startClock(undefined, urgentLimit, at('2025-06-10 09:00'));
  const due = (urgency: 'normal' | 'urgent' | 'veryUrgent') =>
    evaluateClock(state, urgentLimit, { ...context, urgency }, at('2025-06-10 09:00'));

  it('DEF-6 the urgency amount replaces the ordinary amount', () => {
    expect(show(due('normal').dueAt)).toBe('2025-06-11 10:00');
    expect(show(due('urgent').dueAt)).toBe('2025-06-10 14:30');
    expect(show(due('veryUrgent').dueAt)).toBe('2025-06-10 11:00');
    expect(due('urgent').explanation).toContainEqual({ code: 'urgency', params: { urgency: 'urgent', amount: 4, unit: 'workHour' } });
  });

  it('DEF-6 without an amount for the urgency the ordinary amount applies (紧急配置: 否)', () => {
    const plain = limit({ amount: 8, unit: 'workHour', urgencyAmounts: { veryUrgent: 2 } });
    const r = evaluateClock(startClock(undefined, plain, at('2025-06-10 09:00')), plain, { ...context, urgency: 'urgent' }, at('2025-06-10 09:00'));
    expect(show(r.dueAt)).toBe('2025-06-11 10:00');
    expect(r.explanation).toContainEqual({ code: 'urgencyNotConfigured', params: { urgency: 'urgent', amount: 8, unit: 'workHour' } });
  });
});

describe('suspension pauses the clock (HND-1, HND-4, REV-4)', () => {
  const stageLimit = limit({ amount: 2, unit: 'workHour', metering: 'single' });
  const started = startClock(undefined, stageLimit, at('2025-06-10 10:00'));
  const paused = pauseClock(started, at('2025-06-10 10:30'));

  it('REV-4 a paused clock is "paused", consumes nothing, and projects its deadline from now', () => {
    const r = evaluateClock(paused, stageLimit, context, at('2025-06-10 14:00'));
    expect(r.sla).toBe('paused');
    expect(r.consumed).toBe(minutes(30));
    expect(r.projected).toBe(true);
    expect(show(r.dueAt)).toBe('2025-06-10 15:30');
    expect(evaluateClock(paused, stageLimit, context, at('2025-06-12 14:00')).consumed).toBe(minutes(30));
  });

  it('HND-4 cancelling the suspension resumes without restarting a single-metered budget', () => {
    const resumed = resumeClock(paused, at('2025-06-10 15:00'));
    const r = evaluateClock(resumed, stageLimit, context, at('2025-06-10 15:00'));
    expect(r.consumed).toBe(minutes(30));
    expect(show(r.dueAt)).toBe('2025-06-10 16:30');
    expect(r.projected).toBe(false);
    expect(r.explanation).toContainEqual({ code: 'resume', params: { at: '2025-06-10 15:00', pausedMs: minutes(270) } });
  });

  it('HND-4 pause and resume are idempotent, a stopped clock cannot be paused or resumed', () => {
    expect(pauseClock(paused, at('2025-06-10 11:00'))).toBe(paused);
    expect(resumeClock(started, at('2025-06-10 11:00'))).toBe(started);
    const stopped = stopClock(started, at('2025-06-10 11:00'));
    expect(stopClock(stopped, at('2025-06-10 12:00'))).toBe(stopped);
    expect(codeOf(() => pauseClock(stopped, at('2025-06-10 12:00')))).toBe('ENG_SLA_BAD_TRANSITION');
    expect(codeOf(() => resumeClock(stopped, at('2025-06-10 12:00')))).toBe('ENG_SLA_BAD_TRANSITION');
  });

  it('REV-4 a stage left while suspended stops without counting the suspension', () => {
    const stopped = stopClock(paused, at('2025-06-11 10:00'));
    expect(evaluateClock(stopped, stageLimit, context, at('2025-06-11 10:00')).consumed).toBe(minutes(30));
  });
});

describe('extensions (REV-3, HND-6)', () => {
  const stageLimit = limit({ amount: 2, unit: 'workHour' });
  const started = startClock(undefined, stageLimit, at('2025-06-10 10:00'));

  it('REV-3 an approved extension adds to the budget', () => {
    const extended = extendClock(started, { amount: 1, unit: 'workDay' }, at('2025-06-10 11:00'));
    const r = evaluateClock(extended, stageLimit, context, at('2025-06-10 11:00'));
    expect(r.budget).toBe(hours(9)); // 2 h + 7 h: 10:00-12:00, 13:30-17:30, 09:00-12:00
    expect(show(r.dueAt)).toBe('2025-06-11 12:00');
    expect(r.explanation).toContainEqual({ code: 'extension', params: { at: '2025-06-10 11:00', amount: 1, unit: 'workDay' } });
  });

  it('REV-3 an extension in natural units on a working-time limit counts as the same number of working days', () => {
    const extended = extendClock(started, { amount: 1, unit: 'naturalDay' });
    expect(evaluateClock(extended, stageLimit, context, at('2025-06-10 11:00')).budget).toBe(hours(9));
  });

  it('REV-3 extensions of a single-metered stage are dropped at re-entry; cumulative keeps them', () => {
    const extended = extendClock(started, { amount: 1, unit: 'workHour' }, at('2025-06-10 11:00'));
    const exited = stopClock(extended, at('2025-06-10 11:30'));
    expect(evaluateClock(startClock(exited, stageLimit, at('2025-06-10 14:00')), stageLimit, context, at('2025-06-10 14:00')).budget).toBe(hours(2));
    const cumulative = { ...stageLimit, metering: 'cumulative' as const };
    expect(evaluateClock(startClock(exited, cumulative, at('2025-06-10 14:00')), cumulative, context, at('2025-06-10 14:00')).budget).toBe(hours(3));
  });

  it('HND-6 exceedsOverall compares the extended stage deadline with the overall deadline', () => {
    expect(exceedsOverall(at('2025-06-12 10:00'), at('2025-06-11 10:00'))).toBe(true);
    expect(exceedsOverall(at('2025-06-11 10:00'), at('2025-06-11 10:00'))).toBe(false);
  });

  it('HND-6 checkExtension warns "该部门延期后时间将大于事件到期时间" when the extension passes the overall deadline', () => {
    const overallLimit = limit({ id: 'overall', type: 'overall', amount: 1, unit: 'workDay', metering: 'cumulative' });
    const overall = { state: startClock(undefined, overallLimit, at('2025-06-10 09:00')), limit: overallLimit };
    const stage = { state: started, limit: stageLimit };
    const small = checkExtension({ stage, overall, extension: { amount: 1, unit: 'workHour' }, context, now: at('2025-06-10 11:00') });
    expect(small.exceedsOverall).toBe(false);
    expect(small.warning).toBeUndefined();
    const big = checkExtension({ stage, overall, extension: { amount: 1, unit: 'workDay' }, context, now: at('2025-06-10 11:00') });
    expect(big.exceedsOverall).toBe(true);
    expect(big.warning).toEqual({
      code: 'extensionExceedsOverall',
      params: { stageDueAt: '2025-06-11 12:00', overallDueAt: '2025-06-10 17:30' },
    });
    expect(big.extended.extensions).toHaveLength(1);
    expect(checkExtension({ stage, extension: { amount: 5, unit: 'workDay' }, context, now: at('2025-06-10 11:00') }).exceedsOverall).toBe(false);
  });
});

describe('clock state is JSON the runtime stores (X-5)', () => {
  const stageLimit = limit({ amount: 2, unit: 'workHour' });

  it('X-5 the state survives a JSON round trip and validates', () => {
    let state = startClock(undefined, stageLimit, at('2025-06-10 10:00'));
    state = pauseClock(state, at('2025-06-10 10:30'));
    state = resumeClock(state, at('2025-06-10 11:00'));
    state = extendClock(state, { amount: 1, unit: 'workHour' }, at('2025-06-10 11:10'));
    const copy = parseClockState(JSON.parse(JSON.stringify(state)));
    expect(copy).toEqual(state);
    expect(evaluateClock(copy, stageLimit, context, at('2025-06-10 12:00'))).toEqual(evaluateClock(state, stageLimit, context, at('2025-06-10 12:00')));
  });

  it('X-5 malformed state, time going backwards and another limit are rejected with codes', () => {
    expect(codeOf(() => parseClockState({ version: 1, limitId: 'x' }))).toBe('ENG_SLA_BAD_STATE');
    const state = startClock(undefined, stageLimit, at('2025-06-10 10:00'));
    expect(codeOf(() => stopClock(state, at('2025-06-10 09:00')))).toBe('ENG_SLA_TIME_REVERSED');
    expect(codeOf(() => evaluateClock(state, stageLimit, context, at('2025-06-10 09:00')))).toBe('ENG_SLA_TIME_REVERSED');
    expect(codeOf(() => startClock(state, limit({ id: 'other' }), at('2025-06-10 11:00')))).toBe('ENG_SLA_LIMIT_MISMATCH');
    expect(codeOf(() => evaluateClock(state, limit({ id: 'other' }), context, at('2025-06-10 11:00')))).toBe('ENG_SLA_LIMIT_MISMATCH');
    expect(codeOf(() => extendClock(state, { amount: 0, unit: 'workHour' }))).toBe('ENG_SLA_BAD_AMOUNT');
  });

  it('X-5 re-entry while still running closes the running spell first', () => {
    const cumulative = limit({ amount: 2, unit: 'workHour', metering: 'cumulative' });
    const state = startClock(startClock(undefined, cumulative, at('2025-06-10 10:00')), cumulative, at('2025-06-10 10:30'));
    expect(state.segments).toEqual([{ from: at('2025-06-10 10:00'), to: at('2025-06-10 10:30') }, { from: at('2025-06-10 10:30') }]);
    expect(evaluateClock(state, cumulative, context, at('2025-06-10 11:00')).consumed).toBe(hours(1));
  });
});
