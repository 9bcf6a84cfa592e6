import { assertNotBefore, closeSegments, type ClockState } from './clockState.js';
import { SlaError } from './SlaError.js';

/**
 * Suspension (挂账) approved: the spell ends and nothing counts until `resumeClock`.
 * Pausing a paused clock changes nothing; a stopped clock cannot be paused.
 */
export function pauseClock(state: ClockState, now: number): ClockState {
  if (state.status === 'paused') return state;
  if (state.status === 'stopped') throw new SlaError('ENG_SLA_BAD_TRANSITION', { operation: 'pause', status: state.status });
  assertNotBefore(state, now);
  return {
    ...state,
    status: 'paused',
    segments: closeSegments(state, now),
    events: [...state.events, { type: 'pause', at: now }],
  };
}
