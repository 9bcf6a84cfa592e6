import { assertNotBefore, type ClockState } from './clockState.js';
import { SlaError } from './SlaError.js';

/**
 * Suspension cancelled or ended (取消挂账): counting continues with the same budget, even under
 * single metering (a resume is not a re-entry). Resuming a running clock changes nothing; a stopped
 * clock cannot be resumed (use `startClock` for a re-entry).
 */
export function resumeClock(state: ClockState, now: number): ClockState {
  if (state.status === 'running') return state;
  if (state.status === 'stopped') throw new SlaError('ENG_SLA_BAD_TRANSITION', { operation: 'resume', status: state.status });
  assertNotBefore(state, now);
  return {
    ...state,
    status: 'running',
    segments: [...state.segments, { from: now }],
    events: [...state.events, { type: 'resume', at: now }],
  };
}
