/**
 * The seed's four metering examples (时限管理, 图 4-37 计算方式示例), on Tuesday 2025-06-10, an
 * ordinary workday, with the standard attendance scheme (09:00-12:00, 13:30-17:30). Each example is
 * checked in working hours and, to match the seed's wording literally, in natural hours.
 */
import { describe, expect, it } from 'vitest';
import type { TimeLimit } from '../../../definitions/schemas/time-limit.js';
import { evaluateClock, startClock, stopClock, type ClockState } from '../../../engine/sla/index.js';
import { at, context, hours, limit, show } from './fixtures.js';

/** Enter at `entries[0]`, leave at each `exits[i]` and come back at `entries[i + 1]`. */
function run(timeLimit: TimeLimit, entries: string[], exits: string[]): ClockState {
  let state: ClockState | undefined;
  entries.forEach((entry, i) => {
    state = startClock(state, timeLimit, at(entry));
    const exit = exits[i];
    if (exit) state = stopClock(state, at(exit));
  });
  if (!state) throw new Error('no entries');
  return state;
}

const overall = (metering: 'single' | 'cumulative', unit: 'workHour' | 'naturalHour') =>
  limit({ id: 'overall-8h', name: '整体时限 8h', type: 'overall', amount: 8, unit, metering });
const stage = (metering: 'single' | 'cumulative', unit: 'workHour' | 'naturalHour') =>
  limit({ id: 'stage-2h', name: '部门处置 2h', type: 'stage', amount: 2, unit, metering });

describe('DEF-6 metering: overall limit 8 h (grid worker reports at 08:00, returned at 11:00 and reported again)', () => {
  it('DEF-6 single metering restarts at re-entry: counted from 11:00', () => {
    const state = run(overall('single', 'workHour'), ['2025-06-10 08:00', '2025-06-10 11:00'], ['2025-06-10 11:00']);
    const result = evaluateClock(state, overall('single', 'workHour'), context, at('2025-06-10 11:00'));
    expect(result.consumed).toBe(0);
    // 11:00-12:00, 13:30-17:30, then 3 h on Wednesday
    expect(show(result.dueAt)).toBe('2025-06-11 12:00');
    expect(result.explanation.map((s) => s.code)).toContain('reentryReset');

    const natural = run(overall('single', 'naturalHour'), ['2025-06-10 08:00', '2025-06-10 11:00'], ['2025-06-10 11:00']);
    expect(show(evaluateClock(natural, overall('single', 'naturalHour'), context, at('2025-06-10 11:00')).dueAt)).toBe('2025-06-10 19:00');
  });

  it('DEF-6 cumulative metering sums all spells: counted from 08:00', () => {
    const limitDef = overall('cumulative', 'workHour');
    const state = run(limitDef, ['2025-06-10 08:00', '2025-06-10 11:00'], ['2025-06-10 11:00']);
    const result = evaluateClock(state, limitDef, context, at('2025-06-10 11:00'));
    expect(result.consumed).toBe(hours(2)); // 09:00-11:00; 08:00-09:00 is before working hours
    expect(show(result.dueAt)).toBe('2025-06-11 10:00');
    // the same deadline as an uninterrupted clock from 08:00
    const uninterrupted = startClock(undefined, limitDef, at('2025-06-10 08:00'));
    expect(evaluateClock(uninterrupted, limitDef, context, at('2025-06-10 11:00')).dueAt).toBe(result.dueAt);

    const natural = run(overall('cumulative', 'naturalHour'), ['2025-06-10 08:00', '2025-06-10 11:00'], ['2025-06-10 11:00']);
    expect(show(evaluateClock(natural, overall('cumulative', 'naturalHour'), context, at('2025-06-10 11:00')).dueAt)).toBe('2025-06-10 16:00');
  });

  it('DEF-6 cumulative metering does not count the time between exit and re-entry', () => {
    const limitDef = overall('cumulative', 'workHour');
    const state = run(limitDef, ['2025-06-10 08:00', '2025-06-10 14:00'], ['2025-06-10 11:00']);
    const result = evaluateClock(state, limitDef, context, at('2025-06-10 14:00'));
    expect(result.consumed).toBe(hours(2));
    // 6 h from 14:00: 3.5 h on Tuesday, 09:00-11:30 on Wednesday
    expect(show(result.dueAt)).toBe('2025-06-11 11:30');
  });
});

describe('DEF-6 metering: stage limit 2 h (department receives at 10:00, done at 11:00, review sends it back)', () => {
  it('DEF-6 single metering restarts at re-entry: counted from 11:00', () => {
    const limitDef = stage('single', 'workHour');
    const state = run(limitDef, ['2025-06-10 10:00', '2025-06-10 11:00'], ['2025-06-10 11:00']);
    const result = evaluateClock(state, limitDef, context, at('2025-06-10 11:00'));
    expect(result.remaining).toBe(hours(2));
    expect(show(result.dueAt)).toBe('2025-06-10 14:30'); // 11:00-12:00 + 13:30-14:30

    const natural = run(stage('single', 'naturalHour'), ['2025-06-10 10:00', '2025-06-10 11:00'], ['2025-06-10 11:00']);
    expect(show(evaluateClock(natural, stage('single', 'naturalHour'), context, at('2025-06-10 11:00')).dueAt)).toBe('2025-06-10 13:00');
  });

  it('DEF-6 cumulative metering sums all spells: counted from 10:00', () => {
    const limitDef = stage('cumulative', 'workHour');
    const state = run(limitDef, ['2025-06-10 10:00', '2025-06-10 11:00'], ['2025-06-10 11:00']);
    const result = evaluateClock(state, limitDef, context, at('2025-06-10 11:00'));
    expect(result.consumed).toBe(hours(1));
    expect(show(result.dueAt)).toBe('2025-06-10 12:00');
    expect(result.explanation).toContainEqual({
      code: 'reentryContinue',
      params: { at: '2025-06-10 11:00', consumedMs: hours(1), kind: 'working' },
    });

    const natural = run(stage('cumulative', 'naturalHour'), ['2025-06-10 10:00', '2025-06-10 11:00'], ['2025-06-10 11:00']);
    expect(show(evaluateClock(natural, stage('cumulative', 'naturalHour'), context, at('2025-06-10 11:00')).dueAt)).toBe('2025-06-10 12:00');
  });

  it('DEF-6 single metering forgets the overdue first spell at re-entry, cumulative does not', () => {
    const spells = [['2025-06-10 09:00', '2025-06-11 09:00'], ['2025-06-10 17:00']] as const;
    const single = run(stage('single', 'workHour'), [...spells[0]], [...spells[1]]);
    const cumulative = run(stage('cumulative', 'workHour'), [...spells[0]], [...spells[1]]);
    expect(evaluateClock(single, stage('single', 'workHour'), context, at('2025-06-11 09:30')).sla).toBe('normal');
    const c = evaluateClock(cumulative, stage('cumulative', 'workHour'), context, at('2025-06-11 09:30'));
    expect(c.sla).toBe('overdue');
    expect(show(c.dueAt)).toBe('2025-06-10 11:00'); // the budget ran out during the first spell
    expect(c.remaining).toBe(hours(2) - hours(6.5) - hours(0.5));
  });
});
