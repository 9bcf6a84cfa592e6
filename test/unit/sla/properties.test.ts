import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  clockDue,
  evaluateClock,
  extendClock,
  isWithinWorkingTime,
  measureWorkingTime,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  type ClockState,
} from '../../../engine/sla/index.js';
import type { TimeLimit } from '../../../definitions/schemas/time-limit.js';
import { at, context, hours, limit, minutes, working } from './fixtures.js';

// Instants within the years the cn-official calendar covers; durations up to 60 working days.
const FIRST = at('2024-01-01 00:00');
const LAST = at('2026-10-31 00:00');
const instant = fc.integer({ min: FIRST, max: LAST });
const duration = fc.integer({ min: 1, max: 60 * hours(7) });
const add = (from: number, ms: number) => addWorkingTime(working, from, ms);
const measure = (from: number, to: number) => measureWorkingTime(working, from, to);

describe('working-time invariants (DEF-7, property-based)', () => {
  it('DEF-7 adding working time never lands outside working hours', () => {
    fc.assert(fc.property(instant, duration, (t, d) => isWithinWorkingTime(working, add(t, d))));
  });

  it('DEF-7 addWorking(t, a + b) equals addWorking(addWorking(t, a), b)', () => {
    fc.assert(fc.property(instant, duration, duration, (t, a, b) => add(t, a + b) === add(add(t, a), b)));
  });

  it('DEF-7 the working time measured between t and addWorking(t, d) is d', () => {
    fc.assert(fc.property(instant, duration, (t, d) => measure(t, add(t, d)) === d));
  });

  it('DEF-7 deadlines are strictly monotonic in the amount and monotonic in the start', () => {
    fc.assert(
      fc.property(instant, duration, duration, (t, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        return small === large ? add(t, small) === add(t, large) : add(t, small) < add(t, large);
      }),
    );
    fc.assert(
      fc.property(instant, instant, duration, (t1, t2, d) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        return add(early, d) <= add(late, d);
      }),
    );
  });

  it('DEF-7 measured working time is additive and never exceeds elapsed time', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        return measure(a, c) === measure(a, b) + measure(b, c) && measure(a, c) <= c - a;
      }),
    );
  });
});

type Op = { kind: 'enter' | 'exit' | 'pause' | 'resume' | 'extend'; gap: number };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom<Op['kind']>('enter', 'exit', 'pause', 'resume', 'extend'),
  gap: fc.integer({ min: 0, max: 3 * 24 * 60 }).map(minutes),
});

/** Applies the operations that are allowed in the current status; returns the state and the last instant. */
function play(timeLimit: TimeLimit, start: number, ops: Op[]): { state: ClockState; now: number } {
  let now = start;
  let state = startClock(undefined, timeLimit, now);
  for (const { kind, gap } of ops) {
    now += gap;
    if (kind === 'enter') state = startClock(state, timeLimit, now);
    else if (kind === 'exit') state = stopClock(state, now);
    else if (kind === 'pause' && state.status === 'running') state = pauseClock(state, now);
    else if (kind === 'resume' && state.status === 'paused') state = resumeClock(state, now);
    else if (kind === 'extend') state = extendClock(state, { amount: 1, unit: 'workHour' }, now);
  }
  return { state, now };
}

const single = limit({ id: 'p', amount: 8, unit: 'workHour', metering: 'single' });
const cumulative = limit({ id: 'p', amount: 8, unit: 'workHour', metering: 'cumulative' });
const opsArb = fc.array(op, { maxLength: 12 });
const later = fc.integer({ min: 0, max: 30 * 24 * 60 }).map(minutes);

describe('clock invariants (DEF-6, X-5, REV-4, property-based)', () => {
  it('REV-4 paused time never changes consumed time', () => {
    fc.assert(
      fc.property(instant, opsArb, later, later, (t, ops, wait, pauseLength) => {
        const { state, now } = play(cumulative, t, ops);
        if (state.status === 'stopped') return true;
        const paused = pauseClock(state, now + wait);
        const atPause = evaluateClock(paused, cumulative, context, now + wait).consumed;
        const stillPaused = evaluateClock(paused, cumulative, context, now + wait + pauseLength).consumed;
        const resumed = resumeClock(paused, now + wait + pauseLength);
        const afterResume = evaluateClock(resumed, cumulative, context, now + wait + pauseLength).consumed;
        return atPause === stillPaused && stillPaused === afterResume;
      }),
    );
  });

  it('X-5 consumed never decreases while time passes, and is at most the elapsed time', () => {
    fc.assert(
      fc.property(instant, opsArb, later, later, (t, ops, a, b) => {
        const { state, now } = play(cumulative, t, ops);
        const first = evaluateClock(state, cumulative, context, now + a);
        const second = evaluateClock(state, cumulative, context, now + a + b);
        return first.consumed <= second.consumed && second.consumed <= now + a + b - t && first.consumed >= 0;
      }),
    );
  });

  it('DEF-6 cumulative metering never counts less than single metering', () => {
    fc.assert(
      fc.property(instant, opsArb, later, (t, ops, wait) => {
        const s = play(single, t, ops);
        const c = play(cumulative, t, ops);
        const consumedSingle = evaluateClock(s.state, single, context, s.now + wait).consumed;
        const consumedCumulative = evaluateClock(c.state, cumulative, context, c.now + wait).consumed;
        return consumedSingle <= consumedCumulative;
      }),
    );
  });

  it('X-5 the deadline is what remains added to now, and the warning comes first', () => {
    fc.assert(
      fc.property(instant, opsArb, later, fc.constantFrom(single, cumulative), (t, ops, wait, timeLimit) => {
        const { state, now } = play(timeLimit, t, ops);
        const r = evaluateClock(state, timeLimit, context, now + wait);
        expect(r.warnAt).toBeLessThanOrEqual(r.dueAt);
        expect(r.remaining).toBe(r.budget - r.consumed);
        if (state.status !== 'stopped' && r.remaining > 0) expect(r.dueAt).toBe(add(now + wait, r.remaining));
        if (state.status === 'running') {
          const expected = now + wait > r.dueAt ? 'overdue' : now + wait >= r.warnAt ? 'warning' : 'normal';
          expect(r.sla).toBe(expected);
        }
      }),
    );
  });

  it('X-5 a list\'s state and deadline (clockDue) are the full evaluation\'s, urgencies and extensions included', () => {
    fc.assert(
      fc.property(instant, opsArb, later, fc.constantFrom(single, cumulative), fc.constantFrom('normal', 'urgent', 'veryUrgent') as fc.Arbitrary<'normal' | 'urgent' | 'veryUrgent'>, (t, ops, wait, timeLimit, urgency) => {
        const { state, now } = play(timeLimit, t, ops);
        const full = evaluateClock(state, timeLimit, { ...context, urgency }, now + wait);
        expect(clockDue(state, timeLimit, { ...context, urgency }, now + wait)).toEqual({ sla: full.sla, dueAt: full.dueAt });
      }),
    );
  });
});
