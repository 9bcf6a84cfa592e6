import type { WorkingCalendar, WorkingDay } from './createWorkingCalendar.js';
import { MAX_IDLE_DAYS } from './createWorkingCalendar.js';
import type { ExplanationStep } from './explanation.js';
import { SlaError } from './SlaError.js';
import { formatLocalClock, formatLocalDateTime, isoDateOfDay, localDayOf } from './localTime.js';

interface SkipRun {
  fromDay: number;
  toDay: number;
  names: string[];
  namesEn: string[];
  holiday: boolean;
}

function extendRun(run: SkipRun | undefined, day: WorkingDay): SkipRun {
  const next = run ?? { fromDay: day.day, toDay: day.day, names: [], namesEn: [], holiday: false };
  next.toDay = day.day;
  if (day.kind === 'holiday' && day.name !== undefined) {
    next.holiday = true;
    if (!next.names.includes(day.name)) {
      next.names.push(day.name);
      next.namesEn.push(day.nameEn ?? day.name);
    }
  }
  return next;
}

function runStep(run: SkipRun): ExplanationStep {
  const from = isoDateOfDay(run.fromDay);
  const to = isoDateOfDay(run.toDay);
  return run.holiday
    ? { code: 'skipHoliday', params: { from, to, names: run.names, namesEn: run.namesEn } }
    : { code: 'skipWeekend', params: { from, to } };
}

export function assertDuration(durationMs: number): void {
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new SlaError('ENG_SLA_BAD_AMOUNT', { durationMs });
}

/**
 * The instant at which `durationMs` of working time has elapsed after `from`: weekends, holidays,
 * time outside the attendance periods and the gaps between them (lunch breaks) are skipped, make-up
 * workdays are worked. The result is the earliest such instant, so it may be the end of a period
 * (17:30 rather than 09:00 next working day). A zero duration returns `from` unchanged.
 *
 * With `trace`, the skipped weekends/holidays, lunch breaks, make-up workdays and a start outside
 * working hours are appended as explanation steps.
 */
export function addWorkingTime(
  calendar: WorkingCalendar,
  from: number,
  durationMs: number,
  trace?: ExplanationStep[],
): number {
  assertDuration(durationMs);
  if (durationMs === 0) return from;
  const offset = calendar.utcOffsetMinutes;
  const lunchIndex = new Map<string, number>();
  let remaining = durationMs;
  let started = false;
  let idleDays = 0;
  let run: SkipRun | undefined;

  for (let d = localDayOf(from, offset); ; d++) {
    const day = calendar.day(d);
    if (!day.working) {
      idleDays += 1;
      if (idleDays > MAX_IDLE_DAYS) throw new SlaError('ENG_SLA_NO_WORKING_TIME', { from });
      if (trace) run = extendRun(run, day);
      continue;
    }
    idleDays = 0;
    if (trace && run) {
      trace.push(runStep(run));
      run = undefined;
    }
    let previousEnd: number | undefined;
    let worked = false;
    for (const [start, end] of day.intervals) {
      if (end <= from) continue;
      const s = Math.max(start, from);
      if (trace) {
        if (!started && s > from) {
          trace.push({ code: 'outsideWorkingHours', params: { from: formatLocalDateTime(from, offset), to: formatLocalDateTime(s, offset) } });
        }
        if (previousEnd !== undefined && start > previousEnd) {
          const fromClock = formatLocalClock(previousEnd, offset);
          const toClock = formatLocalClock(start, offset);
          const key = `${fromClock}-${toClock}`;
          const index = lunchIndex.get(key);
          const existing = index === undefined ? undefined : trace[index];
          if (index !== undefined && existing) {
            trace[index] = { code: 'lunchBreak', params: { ...existing.params, times: Number(existing.params.times) + 1 } };
          } else {
            lunchIndex.set(key, trace.length);
            trace.push({ code: 'lunchBreak', params: { from: fromClock, to: toClock, times: 1 } });
          }
        }
      }
      started = true;
      worked = true;
      const available = end - s;
      if (remaining <= available) {
        if (trace && day.kind === 'makeupWorkday') trace.push(makeupStep(day));
        return s + remaining;
      }
      remaining -= available;
      previousEnd = end;
    }
    if (trace && worked && day.kind === 'makeupWorkday') trace.push(makeupStep(day));
  }
}

function makeupStep(day: WorkingDay): ExplanationStep {
  const name = day.name ?? '';
  return { code: 'makeupWorkday', params: { date: day.date, name, nameEn: day.nameEn ?? name } };
}
