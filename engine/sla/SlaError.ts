/**
 * Error codes of the SLA clock. They follow the engine's `ENG_*` convention so they can move into the
 * engine-wide catalogue (`engine/errors.ts`) unchanged; callers match on `code`, never on the message.
 */
export const SLA_ERRORS = {
  ENG_SLA_TIME_REVERSED: 'Time went backwards: an SLA operation happened before the clock\u2019s last event.',
  ENG_SLA_LIMIT_MISMATCH: 'The clock state belongs to another time limit.',
  ENG_SLA_BAD_TRANSITION: 'This clock operation is not allowed in the clock\u2019s current status.',
  ENG_SLA_BAD_AMOUNT: 'A time amount must be a finite number greater than zero.',
  ENG_SLA_BAD_ATTENDANCE: 'The attendance scheme\u2019s periods must be ordered, non-overlapping and end after they start.',
  ENG_SLA_NEEDS_CALENDAR: 'A working-time limit needs a workday calendar and an attendance scheme.',
  ENG_SLA_NO_WORKING_TIME: 'The calendar has no working time within the search horizon.',
  ENG_SLA_BAD_STATE: 'The stored clock state is malformed.',
} as const;

export type SlaErrorCode = keyof typeof SLA_ERRORS;

/** A typed SLA error: `code` is stable, `params` carry the details. */
export class SlaError extends Error {
  readonly code: SlaErrorCode;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(code: SlaErrorCode, params: Record<string, unknown> = {}) {
    super(`${code}: ${SLA_ERRORS[code]}`);
    this.name = 'SlaError';
    this.code = code;
    this.params = params;
  }
}
