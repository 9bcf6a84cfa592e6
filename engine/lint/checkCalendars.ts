import type { LintContext } from './lintContext.js';

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Workday calendars and attendance schemes (DEF-7): a date is not both a holiday and a make-up
 * workday (it would count as a holiday); working periods are ordered and do not overlap.
 */
export function checkCalendars(ctx: LintContext): void {
  for (const calendar of Object.values(ctx.defs.calendar)) {
    const holidays = new Map(calendar.holidays.map((h) => [h.date, h.name]));
    calendar.workdays.forEach((w, j) => {
      const holiday = holidays.get(w.date);
      if (holiday !== undefined) {
        ctx.report('LINT_CALENDAR_HOLIDAY_AND_WORKDAY', 'calendar', calendar.id, ['workdays', j, 'date'],
          { date: w.date, holiday, workday: w.name, calendar: calendar.id });
      }
    });
  }
  for (const scheme of Object.values(ctx.defs.attendance)) {
    let previousEnd = -1;
    scheme.periods.forEach((p, j) => {
      const [start, end] = [minutes(p.start), minutes(p.end)];
      if (start >= end) {
        ctx.report('LINT_ATTENDANCE_PERIODS', 'attendance', scheme.id, ['periods', j], { variant: 'reversed', start: p.start, end: p.end, scheme: scheme.id });
      } else if (start < previousEnd) {
        ctx.report('LINT_ATTENDANCE_PERIODS', 'attendance', scheme.id, ['periods', j], { variant: 'overlapping', start: p.start, end: p.end, scheme: scheme.id });
      }
      previousEnd = Math.max(previousEnd, end);
    });
  }
}
