import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { AttendanceSchema } from '../../../definitions/schemas/attendance.js';
import { CalendarSchema } from '../../../definitions/schemas/calendar.js';
import { TimeLimitSchema, type TimeLimit } from '../../../definitions/schemas/time-limit.js';

const ajv = new Ajv({ allErrors: true });
ajv.addKeyword('x-ref');
const validLimit = ajv.compile(TimeLimitSchema);

// The seed's examples: acceptance 1 h, dispatch 1 h, department handling 8 h, 暴露垃圾 1 natural day.
const seedLimits: TimeLimit[] = [
  { id: 'accept-1h', name: '受理时限', type: 'stage', amount: 1, unit: 'workHour', metering: 'single', enabled: true },
  { id: 'dispatch-1h', name: '派遣时限', type: 'stage', amount: 1, unit: 'workHour', metering: 'single', enabled: true },
  {
    id: 'handle-8h',
    name: '部门处置时限',
    type: 'stage',
    amount: 8,
    unit: 'workHour',
    urgencyAmounts: { urgent: 4, veryUrgent: 2 },
    metering: 'cumulative',
    warnBefore: { amount: 1, unit: 'workHour' },
    calendar: 'cn-official',
    attendance: 'standard',
    enabled: true,
    remark: '紧急 4h，非常紧急 2h',
  },
  { id: 'garbage-1d', name: '暴露垃圾', type: 'overall', amount: 1, unit: 'naturalDay', metering: 'single', enabled: true },
];

describe('time-limit, calendar and attendance schemas (DEF-6, DEF-7)', () => {
  it('DEF-6 the seed examples are valid time limits', () => {
    for (const l of seedLimits) expect(validLimit(l), JSON.stringify(validLimit.errors)).toBe(true);
  });

  it('DEF-6 invalid time limits are rejected', () => {
    const base = seedLimits[0] as TimeLimit;
    expect(validLimit({ ...base, amount: 0 })).toBe(false);
    expect(validLimit({ ...base, unit: 'week' })).toBe(false);
    expect(validLimit({ ...base, metering: 'sometimes' })).toBe(false);
    expect(validLimit({ ...base, type: 'node' })).toBe(false);
    expect(validLimit({ ...base, urgencyAmounts: { urgent: -1 } })).toBe(false);
    expect(validLimit({ ...base, colour: 'red' })).toBe(false);
  });

  it('DEF-6 schemas carry ids, Chinese titles and references to calendar and attendance', () => {
    expect(TimeLimitSchema.$id).toBe('tongguan/time-limit');
    expect(TimeLimitSchema.title).toBe('时限');
    expect(CalendarSchema.title).toBe('工作日设置');
    expect(AttendanceSchema.title).toBe('考勤方案');
    expect(TimeLimitSchema.properties.calendar['x-ref']).toBe('calendar');
    expect(TimeLimitSchema.properties.attendance['x-ref']).toBe('attendance');
  });

  it('DEF-7 calendars and attendance schemes reject malformed dates and times', () => {
    const validCalendar = ajv.compile(CalendarSchema);
    const calendar = { id: 'c', name: '日历', weekend: [0, 6], holidays: [], workdays: [], enabled: true };
    expect(validCalendar(calendar)).toBe(true);
    expect(validCalendar({ ...calendar, weekend: [7] })).toBe(false);
    expect(validCalendar({ ...calendar, holidays: [{ date: '2025/10/01', name: '国庆节' }] })).toBe(false);
    const validAttendance = ajv.compile(AttendanceSchema);
    const scheme = { id: 's', name: '方案', periods: [{ start: '09:00', end: '12:00' }], utcOffsetMinutes: 480, enabled: true };
    expect(validAttendance(scheme)).toBe(true);
    expect(validAttendance({ ...scheme, periods: [] })).toBe(false);
    expect(validAttendance({ ...scheme, periods: [{ start: '9:00', end: '12:00' }] })).toBe(false);
    expect(validAttendance({ ...scheme, periods: [{ start: '09:00', end: '24:00' }] })).toBe(false);
  });
});
