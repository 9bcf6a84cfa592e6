import { assertNotBefore, closeSegments, type ClockState } from './clockState.js';

/** Exit from the limit's scope: the spell ends. Stopping a stopped clock changes nothing. */
export function stopClock(state: ClockState, now: number): ClockState {
  if (state.status === 'stopped') return state;
  assertNotBefore(state, now);
  return {
    ...state,
    status: 'stopped',
    segments: closeSegments(state, now),
    events: [...state.events, { type: 'stop', at: now }],
  };
}
