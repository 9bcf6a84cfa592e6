import type { TimeLimit } from '../../definitions/schemas/time-limit.js';
import { assertNotBefore, closeSegments, type ClockState } from './clockState.js';
import { SlaError } from './SlaError.js';

/**
 * Entry (no state yet) or re-entry of the entity into the limit's scope. Single metering (单次耗时)
 * starts a fresh budget at re-entry: earlier spells and their extensions no longer count. Cumulative
 * metering (累计耗时) keeps the consumed time and opens a new spell. A re-entry while still running or
 * paused first closes the current spell.
 */
export function startClock(state: ClockState | undefined, limit: TimeLimit, now: number): ClockState {
  if (!state) {
    if (!Number.isFinite(now)) throw new SlaError('ENG_SLA_TIME_REVERSED', { now });
    return {
      version: 1,
      limitId: limit.id,
      metering: limit.metering,
      status: 'running',
      segments: [{ from: now }],
      extensions: [],
      events: [{ type: 'start', at: now }],
    };
  }
  if (state.limitId !== limit.id) throw new SlaError('ENG_SLA_LIMIT_MISMATCH', { state: state.limitId, limit: limit.id });
  assertNotBefore(state, now);
  const reset = limit.metering === 'single';
  return {
    ...state,
    metering: limit.metering,
    status: 'running',
    segments: reset ? [{ from: now }] : [...closeSegments(state, now), { from: now }],
    extensions: reset ? [] : state.extensions,
    events: [...state.events, { type: 'reenter', at: now, reset }],
  };
}
