import type { Attendance } from '../../definitions/schemas/attendance.js';
import type { Calendar } from '../../definitions/schemas/calendar.js';
import type { TimeUnit } from '../../definitions/schemas/time-limit.js';
import { addWorkingTime, assertDuration } from './addWorkingTime.js';
import { createWorkingCalendar, type WorkingCalendar } from './createWorkingCalendar.js';
import type { ExplanationStep } from './explanation.js';
import { MS_PER_DAY, MS_PER_HOUR } from './localTime.js';
import { measureWorkingTime } from './measureWorkingTime.js';
import { SlaError } from './SlaError.js';

/** The kind of time a limit counts: working time or natural (elapsed) time. */
export type TimeKind = 'working' | 'natural';

/** Working-time units count working time; natural units count elapsed time. */
export function kindOfUnit(unit: TimeUnit): TimeKind {
  return unit === 'workDay' || unit === 'workHour' ? 'working' : 'natural';
}

/** Definitions a working-time axis needs. */
export interface CalendarContext {
  readonly calendar?: Calendar | undefined;
  readonly attendance?: Attendance | undefined;
}

/** Default UTC offset (Asia/Shanghai) for formatting natural-time explanations. */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

/**
 * One kind of time with its arithmetic: `add` moves forward by an amount of this kind, `measure`
 * counts this kind between two instants, `toMs` converts `{ amount, unit }` into milliseconds of
 * this kind.
 *
 * Units:
 * - `workDay`: ONE WORKING DAY = the attendance scheme's working minutes per day (7 h for
 *   09:00-12:00 + 13:30-17:30), counted in working time. A ticket at 10:00 with 1 workDay is due at
 *   10:00 on the next working day; at 16:00 on Friday it is due 16:00 on the next working day.
 * - `workHour`: 60 minutes of working time.
 * - `naturalDay`: 24 h of elapsed time (no DST in a fixed offset); `naturalHour`: 60 minutes.
 * An amount in a unit of the other kind (e.g. a `naturalDay` extension on a `workHour` limit) is
 * read as the same count of days or hours of this axis' kind.
 */
export interface TimeAxis {
  readonly kind: TimeKind;
  readonly utcOffsetMinutes: number;
  /** Milliseconds of this kind in one day unit (working day length or 24 h). */
  readonly dayMs: number;
  add(from: number, durationMs: number, trace?: ExplanationStep[]): number;
  measure(from: number, to: number): number;
  toMs(amount: number, unit: TimeUnit): number;
}

export function assertAmount(amount: number): void {
  if (!Number.isFinite(amount) || amount <= 0) throw new SlaError('ENG_SLA_BAD_AMOUNT', { amount });
}

function toMsWith(dayMs: number) {
  return (amount: number, unit: TimeUnit): number => {
    assertAmount(amount);
    return Math.round(amount * (unit === 'workDay' || unit === 'naturalDay' ? dayMs : MS_PER_HOUR));
  };
}

const naturalAxes = new Map<number, TimeAxis>();
const workingAxes = new WeakMap<WorkingCalendar, TimeAxis>();

/**
 * The time axis of a unit's kind; working time needs `calendar` and `attendance`. Axes are
 * immutable and remembered per offset or compiled calendar: every clock evaluation asks for one,
 * and building its functions each time cost more than the arithmetic of a short clock.
 */
export function createTimeAxis(kind: TimeKind, context: CalendarContext): TimeAxis {
  if (kind === 'natural') {
    const utcOffsetMinutes = context.attendance?.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
    let natural = naturalAxes.get(utcOffsetMinutes);
    if (!natural) {
      natural = {
        kind,
        utcOffsetMinutes,
        dayMs: MS_PER_DAY,
        add: (from, durationMs) => {
          assertDuration(durationMs);
          return from + durationMs;
        },
        measure: (from, to) => Math.max(0, to - from),
        toMs: toMsWith(MS_PER_DAY),
      };
      naturalAxes.set(utcOffsetMinutes, natural);
    }
    return natural;
  }
  const { calendar, attendance } = context;
  if (!calendar || !attendance) throw new SlaError('ENG_SLA_NEEDS_CALENDAR', {});
  const working = createWorkingCalendar(calendar, attendance);
  let axis = workingAxes.get(working);
  if (!axis) {
    axis = {
      kind,
      utcOffsetMinutes: working.utcOffsetMinutes,
      dayMs: working.workDayMs,
      add: (from, durationMs, trace) => addWorkingTime(working, from, durationMs, trace),
      measure: (from, to) => measureWorkingTime(working, from, to),
      toMs: toMsWith(working.workDayMs),
    };
    workingAxes.set(working, axis);
  }
  return axis;
}
