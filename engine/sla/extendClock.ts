import type { TimeAmount } from '../../definitions/schemas/time-limit.js';
import { assertNotBefore, lastEventAt, type ClockState } from './clockState.js';
import { assertAmount } from './createTimeAxis.js';

/**
 * An approved extension (延期, REV-3) adds time to the current budget. `now` (the approval instant)
 * defaults to the clock's latest event. The amount is converted into the limit's kind of time when
 * the clock is evaluated (see `TimeAxis`). A single-metered re-entry drops earlier extensions.
 */
export function extendClock(state: ClockState, extension: TimeAmount, now?: number): ClockState {
  assertAmount(extension.amount);
  const at = now ?? lastEventAt(state);
  assertNotBefore(state, at);
  return {
    ...state,
    extensions: [...state.extensions, { at, amount: extension.amount, unit: extension.unit }],
    events: [...state.events, { type: 'extend', at, amount: extension.amount, unit: extension.unit }],
  };
}
