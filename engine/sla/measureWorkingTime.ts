import type { WorkingCalendar } from './createWorkingCalendar.js';
import { localDayOf } from './localTime.js';

/** Working milliseconds in `[from, to)`; 0 when `to` is not after `from`. */
export function measureWorkingTime(calendar: WorkingCalendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  const offset = calendar.utcOffsetMinutes;
  const last = localDayOf(to, offset);
  let total = 0;
  for (let d = localDayOf(from, offset); d <= last; d++) {
    for (const [start, end] of calendar.day(d).intervals) {
      const overlap = Math.min(end, to) - Math.max(start, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** Whether `at` lies within a working period (both ends included). */
export function isWithinWorkingTime(calendar: WorkingCalendar, at: number): boolean {
  return calendar
    .day(localDayOf(at, calendar.utcOffsetMinutes))
    .intervals.some(([start, end]) => at >= start && at <= end);
}
