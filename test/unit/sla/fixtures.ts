import type { Attendance } from '../../../definitions/schemas/attendance.js';
import type { Calendar } from '../../../definitions/schemas/calendar.js';
import type { TimeLimit } from '../../../definitions/schemas/time-limit.js';
import calendars from '../../../definitions/packages/calendar-cn/calendars.json' with { type: 'json' };
import attendanceSchemes from '../../../definitions/packages/calendar-cn/attendance-schemes.json' with { type: 'json' };
import { createWorkingCalendar, localInstant, formatLocalDateTime, MS_PER_HOUR, MS_PER_MINUTE } from '../../../engine/sla/index.js';

export const cnCalendar = calendars[0] as Calendar;
export const standard = attendanceSchemes[0] as Attendance;
export const context = { calendar: cnCalendar, attendance: standard } as const;
export const working = createWorkingCalendar(cnCalendar, standard);

/** Epoch ms of a Beijing local time, e.g. `at('2025-06-10 10:00')`. */
export function at(local: string): number {
  const [date = '', clock = ''] = local.split(' ');
  return localInstant(date, clock, 480);
}

/** Beijing local `YYYY-MM-DD HH:mm` of an instant. */
export const show = (epochMs: number): string => formatLocalDateTime(epochMs, 480);

export const hours = (h: number): number => h * MS_PER_HOUR;
export const minutes = (m: number): number => m * MS_PER_MINUTE;

export function limit(overrides: Partial<TimeLimit> = {}): TimeLimit {
  return {
    id: 'handling',
    name: '部门处置时限',
    type: 'stage',
    amount: 8,
    unit: 'workHour',
    metering: 'single',
    enabled: true,
    ...overrides,
  };
}
