import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  createTimeAxis,
  createWorkingCalendar,
  describeExplanation,
  isWithinWorkingTime,
  measureWorkingTime,
  SlaError,
  type ExplanationStep,
} from '../../../engine/sla/index.js';
import type { Attendance } from '../../../definitions/schemas/attendance.js';
import { at, cnCalendar, context, hours, show, standard, working } from './fixtures.js';

const workDay = hours(7);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof SlaError ? error.code : `not an SlaError: ${String(error)}`;
  }
  return undefined;
}

describe('working-time arithmetic (DEF-6, DEF-7)', () => {
  it('DEF-7 the standard scheme has 7 working hours a day', () => {
    expect(working.workDayMs).toBe(workDay);
    expect(createTimeAxis('working', context).toMs(1, 'workDay')).toBe(workDay);
  });

  it('DEF-6 one workDay from 10:00 is due 10:00 on the next working day', () => {
    expect(show(addWorkingTime(working, at('2025-06-10 10:00'), workDay))).toBe('2025-06-11 10:00');
  });

  it('DEF-7 lunch break is not working time', () => {
    const trace: ExplanationStep[] = [];
    expect(show(addWorkingTime(working, at('2025-06-10 11:00'), hours(2), trace))).toBe('2025-06-10 14:30');
    expect(trace).toEqual([{ code: 'lunchBreak', params: { from: '12:00', to: '13:30', times: 1 } }]);
    expect(measureWorkingTime(working, at('2025-06-10 11:00'), at('2025-06-10 14:30'))).toBe(hours(2));
  });

  it('DEF-7 a deadline that uses a period exactly ends at its end, not at the next opening', () => {
    expect(show(addWorkingTime(working, at('2025-06-10 09:00'), hours(3)))).toBe('2025-06-10 12:00');
    expect(show(addWorkingTime(working, at('2025-06-10 09:00'), workDay))).toBe('2025-06-10 17:30');
  });

  it('DEF-7 counting starts at the next working time when started outside working hours', () => {
    const trace: ExplanationStep[] = [];
    expect(show(addWorkingTime(working, at('2025-06-10 08:00'), hours(1), trace))).toBe('2025-06-10 10:00');
    expect(trace[0]).toEqual({ code: 'outsideWorkingHours', params: { from: '2025-06-10 08:00', to: '2025-06-10 09:00' } });
    expect(show(addWorkingTime(working, at('2025-06-10 20:00'), hours(1)))).toBe('2025-06-11 10:00');
  });

  it('DEF-7 working time skips the weekend', () => {
    const trace: ExplanationStep[] = [];
    // Friday 2025-06-13 16:00 + 1 workDay: 1.5 h on Friday, 5.5 h on Monday.
    expect(show(addWorkingTime(working, at('2025-06-13 16:00'), workDay, trace))).toBe('2025-06-16 16:00');
    expect(trace).toContainEqual({ code: 'skipWeekend', params: { from: '2025-06-14', to: '2025-06-15' } });
    expect(measureWorkingTime(working, at('2025-06-13 00:00'), at('2025-06-17 00:00'))).toBe(2 * workDay);
  });

  it('DEF-7 working time skips 国庆节 2025 (2025-10-01 to 2025-10-08)', () => {
    const trace: ExplanationStep[] = [];
    expect(show(addWorkingTime(working, at('2025-09-30 16:00'), workDay, trace))).toBe('2025-10-09 16:00');
    expect(trace).toContainEqual({
      code: 'skipHoliday',
      params: { from: '2025-10-01', to: '2025-10-08', names: ['国庆节', '中秋'], namesEn: ['National Day', 'Mid-autumn Festival'] },
    });
    expect(describeExplanation(trace, 'zh-CN')).toContain('2025-10-01 至 2025-10-08 国庆节、中秋休息，顺延');
    expect(measureWorkingTime(working, at('2025-09-30 00:00'), at('2025-10-09 00:00'))).toBe(workDay);
  });

  it('DEF-7 a clock started on a holiday counts from the first working day after it', () => {
    const trace: ExplanationStep[] = [];
    expect(show(addWorkingTime(working, at('2025-10-03 10:00'), hours(1), trace))).toBe('2025-10-09 10:00');
    expect(trace[0]).toMatchObject({ code: 'skipHoliday', params: { from: '2025-10-03', to: '2025-10-08' } });
  });

  it('DEF-7 a 调休 Saturday (2025-10-11, for 国庆节) is worked', () => {
    const trace: ExplanationStep[] = [];
    expect(show(addWorkingTime(working, at('2025-10-10 16:00'), workDay, trace))).toBe('2025-10-11 16:00');
    expect(trace).toContainEqual({ code: 'makeupWorkday', params: { date: '2025-10-11', name: '国庆节', nameEn: 'National Day' } });
    // the following Saturday is an ordinary weekend day
    expect(show(addWorkingTime(working, at('2025-10-17 16:00'), workDay))).toBe('2025-10-20 16:00');
  });

  it('DEF-7 a 调休 Saturday before 春节 2026 is worked, then the festival is skipped', () => {
    const trace: ExplanationStep[] = [];
    // Sat 2026-02-14 is a make-up workday; 2026-02-15 .. 2026-02-23 is the Spring Festival holiday.
    expect(show(addWorkingTime(working, at('2026-02-14 16:00'), workDay, trace))).toBe('2026-02-24 16:00');
    expect(trace).toContainEqual({ code: 'makeupWorkday', params: { date: '2026-02-14', name: '春节', nameEn: 'Spring Festival' } });
    expect(trace).toContainEqual({
      code: 'skipHoliday',
      params: { from: '2026-02-15', to: '2026-02-23', names: ['春节'], namesEn: ['Spring Festival'] },
    });
  });

  it('DEF-7 2024 中秋 make-up Saturday 2024-09-14 is a working day, 2024-09-15..17 are not', () => {
    expect(working.day(Math.floor(at('2024-09-14 12:00') / 86_400_000)).kind).toBe('makeupWorkday');
    expect(measureWorkingTime(working, at('2024-09-14 00:00'), at('2024-09-18 00:00'))).toBe(workDay);
  });

  it('DEF-7 lunch breaks over several days are reported once with a count', () => {
    const trace: ExplanationStep[] = [];
    addWorkingTime(working, at('2025-06-09 09:00'), 3 * workDay, trace);
    expect(trace).toEqual([{ code: 'lunchBreak', params: { from: '12:00', to: '13:30', times: 3 } }]);
  });

  it('DEF-6 natural time counts every hour, weekends and holidays included (暴露垃圾 1 自然日)', () => {
    const natural = createTimeAxis('natural', {});
    expect(show(natural.add(at('2025-09-30 16:00'), natural.toMs(1, 'naturalDay')))).toBe('2025-10-01 16:00');
    expect(natural.measure(at('2025-06-13 16:00'), at('2025-06-16 16:00'))).toBe(hours(72));
  });

  it('DEF-7 the attendance offset positions the working day', () => {
    const utc: Attendance = { ...standard, id: 'utc', utcOffsetMinutes: 0 };
    const calendar = createWorkingCalendar(cnCalendar, utc);
    // 09:00 UTC on Tuesday 2025-06-10 is 17:00 in Beijing
    expect(show(addWorkingTime(calendar, Date.UTC(2025, 5, 10, 9, 0), hours(1)))).toBe('2025-06-10 18:00');
  });

  it('DEF-7 adjacent periods have no break between them', () => {
    const split: Attendance = { ...standard, id: 'split', periods: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '13:00' }] };
    const trace: ExplanationStep[] = [];
    expect(show(addWorkingTime(createWorkingCalendar(cnCalendar, split), at('2025-06-10 11:00'), hours(2), trace))).toBe('2025-06-10 13:00');
    expect(trace).toEqual([]);
  });

  it('DEF-7 isWithinWorkingTime includes both ends of a period', () => {
    expect(isWithinWorkingTime(working, at('2025-06-10 09:00'))).toBe(true);
    expect(isWithinWorkingTime(working, at('2025-06-10 17:30'))).toBe(true);
    expect(isWithinWorkingTime(working, at('2025-06-10 12:30'))).toBe(false);
    expect(isWithinWorkingTime(working, at('2025-06-14 10:00'))).toBe(false);
  });

  it('DEF-7 bad definitions fail with codes', () => {
    const overlapping: Attendance = { ...standard, id: 'overlap', periods: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] };
    expect(codeOf(() => createWorkingCalendar(cnCalendar, overlapping))).toBe('ENG_SLA_BAD_ATTENDANCE');
    const reversed: Attendance = { ...standard, id: 'reversed', periods: [{ start: '12:00', end: '09:00' }] };
    expect(codeOf(() => createWorkingCalendar(cnCalendar, reversed))).toBe('ENG_SLA_BAD_ATTENDANCE');
    const never = createWorkingCalendar({ ...cnCalendar, weekend: [0, 1, 2, 3, 4, 5, 6], workdays: [] }, standard);
    expect(codeOf(() => addWorkingTime(never, at('2025-06-10 10:00'), hours(1)))).toBe('ENG_SLA_NO_WORKING_TIME');
    expect(codeOf(() => addWorkingTime(working, at('2025-06-10 10:00'), -1))).toBe('ENG_SLA_BAD_AMOUNT');
    expect(codeOf(() => createTimeAxis('working', { attendance: standard }))).toBe('ENG_SLA_NEEDS_CALENDAR');
    expect(codeOf(() => createTimeAxis('natural', {}).toMs(0, 'naturalHour'))).toBe('ENG_SLA_BAD_AMOUNT');
  });

  it('DEF-7 zero working time leaves the instant unchanged', () => {
    expect(addWorkingTime(working, at('2025-06-14 10:00'), 0)).toBe(at('2025-06-14 10:00'));
    expect(measureWorkingTime(working, at('2025-06-10 12:00'), at('2025-06-10 10:00'))).toBe(0);
  });
});
