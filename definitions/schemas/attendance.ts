import { Type, type Static } from '@sinclair/typebox';
import { ClockTime, Enabled, Id, Name, Remark } from './common.js';

/** One working period of a day, `start` < `end`, both local wall-clock times (no overnight periods). */
export const AttendancePeriodSchema = Type.Object(
  {
    start: Type.String({ pattern: ClockTime.pattern, title: '开始时间', description: 'HH:mm, local time.' }),
    end: Type.String({ pattern: ClockTime.pattern, title: '结束时间', description: 'HH:mm, local time; after start.' }),
  },
  { title: '工作时段', additionalProperties: false },
);
export type AttendancePeriod = Static<typeof AttendancePeriodSchema>;

/**
 * 考勤方案 (DEF-7): the working hours of a working day. Periods must be ordered and must not overlap;
 * the gaps between them (e.g. a lunch break) are not working time.
 */
export const AttendanceSchema = Type.Object(
  {
    id: Id,
    name: Name('方案名称'),
    periods: Type.Array(AttendancePeriodSchema, {
      minItems: 1,
      title: '工作时段',
      description: 'Ordered, non-overlapping working periods, e.g. 09:00-12:00 and 13:30-17:30.',
    }),
    utcOffsetMinutes: Type.Integer({
      minimum: -720,
      maximum: 840,
      default: 480,
      title: '时区偏移（分钟）',
      description: 'Fixed offset of local time from UTC in minutes; 480 = Asia/Shanghai (no DST).',
    }),
    enabled: Enabled,
    remark: Remark,
  },
  { $id: 'tongguan/attendance', title: '考勤方案', additionalProperties: false },
);
export type Attendance = Static<typeof AttendanceSchema>;
