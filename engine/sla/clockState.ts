import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { SlaError } from './SlaError.js';

const Instant = Type.Number({ description: 'Epoch milliseconds.' });
// Literal union rather than the definitions' StringEnum, so `Value.Check` can validate stored state.
const Unit = Type.Union([Type.Literal('workDay'), Type.Literal('workHour'), Type.Literal('naturalDay'), Type.Literal('naturalHour')]);

export const ClockStatusSchema = Type.Union([Type.Literal('running'), Type.Literal('paused'), Type.Literal('stopped')]);
export type ClockStatus = Static<typeof ClockStatusSchema>;

/** One entry of the clock's history; the explanation is rebuilt from it. */
export const ClockEventSchema = Type.Union([
  Type.Object({ type: Type.Literal('start'), at: Instant }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('reenter'), at: Instant, reset: Type.Boolean() }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('stop'), at: Instant }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('pause'), at: Instant }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('resume'), at: Instant }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('extend'), at: Instant, amount: Type.Number({ exclusiveMinimum: 0 }), unit: Unit },
    { additionalProperties: false },
  ),
]);
export type ClockEvent = Static<typeof ClockEventSchema>;

/**
 * The SLA clock of one (entity, time limit) pair, stored by the runtime as JSON.
 *
 * `segments` are the spells whose time counts against the current budget: a single-metered re-entry
 * clears them (and the extensions granted for the previous spell), a cumulative re-entry keeps them.
 * Only the last segment may be open (no `to`), and only while `status` is `running`. Time while paused
 * or stopped is in no segment, so it never counts.
 */
export const ClockStateSchema = Type.Object(
  {
    version: Type.Literal(1),
    limitId: Type.String({ minLength: 1 }),
    metering: Type.Union([Type.Literal('single'), Type.Literal('cumulative')]),
    status: ClockStatusSchema,
    segments: Type.Array(Type.Object({ from: Instant, to: Type.Optional(Instant) }, { additionalProperties: false })),
    extensions: Type.Array(
      Type.Object({ at: Instant, amount: Type.Number({ exclusiveMinimum: 0 }), unit: Unit }, { additionalProperties: false }),
    ),
    events: Type.Array(ClockEventSchema, { minItems: 1 }),
  },
  { $id: 'tongguan/sla-clock-state', title: '时限计时状态', additionalProperties: false },
);
export type ClockState = Static<typeof ClockStateSchema>;

/** Validates stored JSON as a clock state (throws `ENG_SLA_BAD_STATE`). */
export function parseClockState(value: unknown): ClockState {
  if (!Value.Check(ClockStateSchema, value)) {
    const first = Value.Errors(ClockStateSchema, value).First();
    throw new SlaError('ENG_SLA_BAD_STATE', { path: first?.path ?? '', message: first?.message ?? '' });
  }
  return value;
}

/** Instant of the clock's latest event. */
export function lastEventAt(state: ClockState): number {
  return state.events[state.events.length - 1]?.at ?? Number.NEGATIVE_INFINITY;
}

/** Throws `ENG_SLA_TIME_REVERSED` when `now` is before the clock's latest event. */
export function assertNotBefore(state: ClockState, now: number): void {
  if (!Number.isFinite(now)) throw new SlaError('ENG_SLA_TIME_REVERSED', { now });
  const last = lastEventAt(state);
  if (now < last) throw new SlaError('ENG_SLA_TIME_REVERSED', { now, last });
}

/** Segments with the open one (if any) closed at `now`. */
export function closeSegments(state: ClockState, now: number): ClockState['segments'] {
  return state.segments.map((s) => (s.to === undefined ? { from: s.from, to: now } : s));
}
