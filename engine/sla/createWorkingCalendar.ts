import type { Attendance } from '../../definitions/schemas/attendance.js';
import type { Calendar } from '../../definitions/schemas/calendar.js';
import { SlaError } from './SlaError.js';
import { MS_PER_MINUTE, dayOfIsoDate, isoDateOfDay, localDayStart, parseClockTime, weekdayOfDay } from './localTime.js';

/** What a local day is: an ordinary workday, a make-up workday (调休上班), a weekend day or a holiday. */
export type DayKind = 'workday' | 'makeupWorkday' | 'weekend' | 'holiday';

/** One local day as the working calendar sees it. */
export interface WorkingDay {
  readonly day: number;
  readonly date: string;
  readonly kind: DayKind;
  readonly working: boolean;
  /** Holiday or make-up workday name from the calendar. */
  readonly name?: string;
  readonly nameEn?: string;
  /** Working intervals `[start, end)` in epoch ms, in order; empty on non-working days. */
  readonly intervals: ReadonlyArray<readonly [number, number]>;
}

/** A workday calendar combined with an attendance scheme: answers "when is working time?". */
export interface WorkingCalendar {
  readonly utcOffsetMinutes: number;
  /** Working periods of a working day, in minutes after local midnight. */
  readonly periods: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  /** Working milliseconds of one working day: the length of one `workDay` unit. */
  readonly workDayMs: number;
  day(day: number): WorkingDay;
}

/** Days a compiled calendar remembers (about thirty years). */
const MAX_REMEMBERED_DAYS = 11_000;

/** Consecutive non-working days after which a search for working time gives up. */
export const MAX_IDLE_DAYS = 3660;

interface NamedDate {
  name: string;
  nameEn?: string;
}

const cache = new WeakMap<Calendar, WeakMap<Attendance, WorkingCalendar>>();

function compilePeriods(attendance: Attendance): Array<{ start: number; end: number }> {
  const periods = attendance.periods.map((p) => ({ start: parseClockTime(p.start), end: parseClockTime(p.end) }));
  if (periods.length === 0) throw new SlaError('ENG_SLA_BAD_ATTENDANCE', { attendance: attendance.id, reason: 'empty' });
  let previousEnd = -1;
  for (const p of periods) {
    if (!Number.isFinite(p.start) || !Number.isFinite(p.end) || p.end <= p.start || p.start < previousEnd) {
      throw new SlaError('ENG_SLA_BAD_ATTENDANCE', { attendance: attendance.id, period: p });
    }
    previousEnd = p.end;
  }
  return periods;
}

function indexDates(dates: Calendar['holidays'] | undefined): Map<number, NamedDate> {
  const index = new Map<number, NamedDate>();
  for (const d of dates ?? []) {
    index.set(dayOfIsoDate(d.date), d.nameEn === undefined ? { name: d.name } : { name: d.name, nameEn: d.nameEn });
  }
  return index;
}

/**
 * Compiles a calendar and an attendance scheme (definitions are immutable once published, so the
 * result is memoised per pair of objects).
 *
 * A date is a holiday when listed in `holidays`; otherwise a make-up workday when listed in
 * `workdays`; otherwise a weekend day when its weekday is in `weekend`; otherwise a workday.
 */
export function createWorkingCalendar(calendar: Calendar, attendance: Attendance): WorkingCalendar {
  let byAttendance = cache.get(calendar);
  const cached = byAttendance?.get(attendance);
  if (cached) return cached;

  const periods = compilePeriods(attendance);
  const utcOffsetMinutes = attendance.utcOffsetMinutes ?? 480;
  const weekend = new Set(calendar.weekend ?? [0, 6]);
  const holidays = indexDates(calendar.holidays);
  const workdays = indexDates(calendar.workdays);
  const workDayMs = periods.reduce((sum, p) => sum + (p.end - p.start) * MS_PER_MINUTE, 0);

  const compute = (d: number): WorkingDay => {
    const date = isoDateOfDay(d);
    const holiday = holidays.get(d);
    if (holiday) return { day: d, date, kind: 'holiday', working: false, ...holiday, intervals: [] };
    const makeup = workdays.get(d);
    const kind: DayKind = makeup ? 'makeupWorkday' : weekend.has(weekdayOfDay(d)) ? 'weekend' : 'workday';
    if (kind === 'weekend') return { day: d, date, kind, working: false, intervals: [] };
    const start = localDayStart(d, utcOffsetMinutes);
    const intervals = periods.map(
      (p) => [start + p.start * MS_PER_MINUTE, start + p.end * MS_PER_MINUTE] as const,
    );
    return { day: d, date, kind, working: true, ...makeup, intervals };
  };
  // a day is the same every time it is asked for (the definitions are immutable): working-time
  // arithmetic walks the same weeks over and over, for every clock of every listed row
  const days = new Map<number, WorkingDay>();
  const day = (d: number): WorkingDay => {
    let found = days.get(d);
    if (!found) {
      found = compute(d);
      if (days.size >= MAX_REMEMBERED_DAYS) days.clear();
      days.set(d, found);
    }
    return found;
  };

  const compiled: WorkingCalendar = { utcOffsetMinutes, periods, workDayMs, day };
  if (!byAttendance) {
    byAttendance = new WeakMap();
    cache.set(calendar, byAttendance);
  }
  byAttendance.set(attendance, compiled);
  return compiled;
}
