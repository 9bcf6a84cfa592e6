import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Id, Name, Ref, Remark, StringEnum } from './common.js';

/**
 * Unit of a time limit (时限单位). `workDay`/`workHour` count working time only (the workday calendar
 * and the attendance scheme decide what is working time); `naturalDay`/`naturalHour` count elapsed
 * time (1 natural day = 24 h; Asia/Shanghai has no DST). One working day is the attendance scheme's
 * working minutes per day (7 h for 09:00-12:00 + 13:30-17:30), counted in working time.
 */
export const TimeUnitSchema = StringEnum(['workDay', 'workHour', 'naturalDay', 'naturalHour'], {
  title: '时限单位',
  description: 'workDay/workHour: working time (calendar + attendance scheme); naturalDay/naturalHour: elapsed time.',
});
export type TimeUnit = Static<typeof TimeUnitSchema>;

/** 时限类型: overall limits (整体时限) are chosen on items, stage limits (环节时限) are bound to flow nodes. */
export const TimeLimitTypeSchema = StringEnum(['overall', 'stage'], {
  title: '时限类型',
  description: 'overall: chosen on catalogue items; stage: bound to flow nodes.',
});
export type TimeLimitType = Static<typeof TimeLimitTypeSchema>;

/** 时限计量方式: single (单次耗时) restarts at re-entry; cumulative (累计耗时) sums every spell. */
export const MeteringSchema = StringEnum(['single', 'cumulative'], {
  title: '时限计量方式',
  description: 'single: a fresh budget at every re-entry; cumulative: the sum of all spells counts.',
});
export type Metering = Static<typeof MeteringSchema>;

/** An amount of time in one unit, e.g. `{ amount: 2, unit: 'workHour' }` (extensions, warnings). */
export const TimeAmountSchema = Type.Object(
  {
    amount: Type.Number({ exclusiveMinimum: 0, title: '时长' }),
    unit: TimeUnitSchema,
  },
  { title: '时长', additionalProperties: false },
);
export type TimeAmount = Static<typeof TimeAmountSchema>;

/** 时限 (DEF-6). */
export const TimeLimitSchema = Type.Object(
  {
    id: Id,
    name: Name('时限名称'),
    type: TimeLimitTypeSchema,
    amount: Type.Number({
      exclusiveMinimum: 0,
      title: '时限',
      description: 'Amount for ordinary urgency (一般), in `unit`.',
    }),
    unit: TimeUnitSchema,
    urgencyAmounts: Type.Optional(
      Type.Object(
        {
          urgent: Type.Optional(Type.Number({ exclusiveMinimum: 0, title: '紧急时限' })),
          veryUrgent: Type.Optional(Type.Number({ exclusiveMinimum: 0, title: '非常紧急时限' })),
        },
        {
          title: '紧急配置',
          description: 'Separate amounts (same unit) for urgent and very urgent tickets; a missing one falls back to `amount`.',
          additionalProperties: false,
        },
      ),
    ),
    metering: MeteringSchema,
    warnBefore: Type.Optional(
      Type.Object(
        {
          amount: Type.Number({ exclusiveMinimum: 0, title: '时长' }),
          unit: TimeUnitSchema,
        },
        {
          title: '预警提前量',
          description:
            'The warning state starts when this much of the limit remains. Default: a quarter of the effective limit (after urgency and extensions).',
          additionalProperties: false,
        },
      ),
    ),
    calendar: Type.Optional(Ref('calendar', { title: '工作日设置', description: 'Workday calendar for working-time units.' })),
    attendance: Type.Optional(Ref('attendance', { title: '考勤方案', description: 'Attendance scheme for working-time units.' })),
    enabled: Enabled,
    remark: Remark,
  },
  { $id: 'tongguan/time-limit', title: '时限', additionalProperties: false },
);
export type TimeLimit = Static<typeof TimeLimitSchema>;
