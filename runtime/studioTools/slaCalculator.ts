import type { TimeLimit } from '../../definitions/schemas/index.js';
import { slaContext } from '../../engine/decide/clocks.js';
import { validateDefinition, type CompiledBundle } from '../../engine/index.js';
import {
  DEFAULT_UTC_OFFSET_MINUTES, SlaError, describeStep, evaluateClock, formatLocalDateTime, pauseClock, resumeClock, startClock,
  type ClockState, type Explanation, type ExplanationLocale, type Urgency,
} from '../../engine/sla/index.js';
import { AppError } from '../errors.js';

/** A time limit typed in by hand: the fields of DEF-6 that shape the clock. */
export type AdhocLimit = Pick<TimeLimit, 'amount' | 'unit'> & Partial<Pick<TimeLimit, 'metering' | 'urgencyAmounts' | 'warnBefore' | 'calendar' | 'attendance'>>;

export interface SlaQuestion {
  /** A time limit of the bundle … */
  readonly limit?: string;
  /** … or one typed in. */
  readonly adhoc?: AdhocLimit;
  /** When the clock starts: ISO 8601, or `YYYY-MM-DD HH:mm` in Beijing time. */
  readonly start: string;
  readonly urgency?: Urgency;
  /** Suspensions (挂账): counting stops at `from` and resumes at `to` (still paused without `to`). */
  readonly pauses?: readonly { readonly from: string; readonly to?: string }[];
}

export interface SlaAnswer {
  readonly limit: TimeLimit;
  readonly urgency: Urgency;
  readonly start: number;
  /** Beijing time `YYYY-MM-DD HH:mm`. */
  readonly startLocal: string;
  readonly dueAt: number;
  readonly warnAt: number;
  /** Beijing time `YYYY-MM-DD HH:mm`. */
  readonly dueAtLocal: string;
  readonly warnAtLocal: string;
  readonly kind: string;
  /** Budget after urgency, ms of `kind`. */
  readonly budget: number;
  /** True when the clock is still paused at the end and the due time assumes counting resumes then. */
  readonly projected: boolean;
  /** Why, one line per step, in both languages. */
  readonly explanation: Readonly<Record<ExplanationLocale, readonly string[]>>;
  readonly steps: Explanation;
}

const LOCALES: readonly ExplanationLocale[] = ['zh-CN', 'en-US'];
const LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/;

function invalid(pointer: string, message: string): AppError {
  return new AppError('TG_ERR_VALIDATION', { detail: `${pointer} ${message}` }, [{ pointer, message }]);
}

/** An instant from ISO 8601 with an offset, or a local Beijing `YYYY-MM-DD HH:mm`. */
export function parseInstant(value: string, pointer: string): number {
  const local = LOCAL.exec(value.trim());
  const offset = `+${String(DEFAULT_UTC_OFFSET_MINUTES / 60).padStart(2, '0')}:00`;
  const at = local ? Date.parse(`${local[1]}T${local[2]}${local[3] ?? ':00'}${offset}`) : Date.parse(value);
  if (!Number.isFinite(at)) throw invalid(pointer, 'is not a date and time (ISO 8601 or YYYY-MM-DD HH:mm)');
  return at;
}

function limitOf(cb: CompiledBundle, q: SlaQuestion): TimeLimit {
  if (q.limit !== undefined) {
    const limit = cb.timeLimit(q.limit);
    if (!limit) throw new AppError('TG_ERR_NOT_FOUND', { what: `time limit ${q.limit}` });
    return limit;
  }
  if (!q.adhoc) throw invalid('/limit', 'name a time limit or give an ad-hoc one');
  const working = q.adhoc.unit === 'workDay' || q.adhoc.unit === 'workHour';
  const { calendar, attendance } = cb.bundle.defs;
  const limit: TimeLimit = {
    id: 'adhoc', name: '临时时限', type: 'overall', metering: 'cumulative', enabled: true, ...q.adhoc,
    // a working-time limit needs a calendar and a scheme: the bundle's first ones unless chosen
    ...(working && !q.adhoc.calendar && Object.keys(calendar)[0] ? { calendar: Object.keys(calendar)[0] } : {}),
    ...(working && !q.adhoc.attendance && Object.keys(attendance)[0] ? { attendance: Object.keys(attendance)[0] } : {}),
  };
  const findings = validateDefinition('timeLimit', limit, '', '');
  if (findings.length > 0) throw invalid(`/adhoc${findings[0]!.pointer}`, findings[0]!.message);
  for (const ref of ['calendar', 'attendance'] as const) {
    const id = limit[ref];
    if (id !== undefined && !cb.bundle.defs[ref][id]) throw invalid(`/adhoc/${ref}`, `${ref} ${id} does not exist`);
  }
  return limit;
}

/**
 * The time-limit calculator (DEF-6, DEF-7, X-5): "registered at <start> with <limit> and <urgency>,
 * due at … because …". The clock is the engine's: started at `start`, paused and resumed at the
 * given suspensions, evaluated at the last of those instants with the bundle's calendar and
 * attendance scheme, exactly as a ticket's clock is.
 */
export function calculateSla(cb: CompiledBundle, q: SlaQuestion): SlaAnswer {
  const limit = limitOf(cb, q);
  const urgency = q.urgency ?? 'normal';
  const start = parseInstant(q.start, '/start');
  let clock: ClockState = startClock(undefined, limit, start);
  let last = start;
  (q.pauses ?? []).forEach((p, i) => {
    const from = parseInstant(p.from, `/pauses/${i}/from`);
    const to = p.to === undefined || p.to === '' ? undefined : parseInstant(p.to, `/pauses/${i}/to`);
    if (from < last) throw invalid(`/pauses/${i}/from`, 'starts before the clock or before the previous suspension ends');
    if (to !== undefined && to <= from) throw invalid(`/pauses/${i}/to`, 'ends before it starts');
    if (to === undefined && i < (q.pauses?.length ?? 0) - 1) throw invalid(`/pauses/${i}/to`, 'only the last suspension may stay open');
    clock = pauseClock(clock, from);
    last = from;
    if (to !== undefined) {
      clock = resumeClock(clock, to);
      last = to;
    }
  });
  try {
    const e = evaluateClock(clock, limit, slaContext(cb, limit, urgency), last);
    const explanation = Object.fromEntries(LOCALES.map((l) => [l, e.explanation.map((s) => describeStep(s, l))])) as Record<ExplanationLocale, string[]>;
    return {
      limit, urgency, start, startLocal: formatLocalDateTime(start, DEFAULT_UTC_OFFSET_MINUTES), dueAt: e.dueAt, warnAt: e.warnAt,
      dueAtLocal: formatLocalDateTime(e.dueAt, DEFAULT_UTC_OFFSET_MINUTES), warnAtLocal: formatLocalDateTime(e.warnAt, DEFAULT_UTC_OFFSET_MINUTES),
      kind: e.kind, budget: e.budget, projected: e.projected, explanation, steps: e.explanation,
    };
  } catch (error) {
    if (error instanceof SlaError) throw invalid(q.limit ? '/limit' : '/adhoc', error.message);
    throw error;
  }
}
