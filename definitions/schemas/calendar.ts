import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Id, IsoDate, Name, Remark } from './common.js';

/** A named date of a workday calendar: a holiday (节假日) or a make-up working day (调休上班). */
export const CalendarDateSchema = Type.Object(
  {
    date: IsoDate,
    name: Name('名称'),
    nameEn: Type.Optional(Type.String({ maxLength: 200, title: '英文名称', description: 'English name, used by en-US explanations.' })),
  },
  { title: '日期', additionalProperties: false },
);
export type CalendarDate = Static<typeof CalendarDateSchema>;

/**
 * 工作日设置 (DEF-7). A date is a working day when it is listed in `workdays`, or when it is neither a
 * holiday nor a weekend day. A date listed both as holiday and as workday is a holiday (lint flags it).
 */
export const CalendarSchema = Type.Object(
  {
    id: Id,
    name: Name('日历名称'),
    weekend: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
      default: [0, 6],
      uniqueItems: true,
      maxItems: 7,
      title: '周末',
      description: 'Weekly rest days, 0 = Sunday … 6 = Saturday.',
    }),
    holidays: Type.Array(CalendarDateSchema, {
      default: [],
      title: '节假日',
      description: 'Public holidays: not working days even on weekdays.',
    }),
    workdays: Type.Array(CalendarDateSchema, {
      default: [],
      title: '调休上班日',
      description: 'Make-up working days (调休), usually on a weekend.',
    }),
    enabled: Enabled,
    remark: Remark,
  },
  { $id: 'tongguan/calendar', title: '工作日设置', additionalProperties: false },
);
export type Calendar = Static<typeof CalendarSchema>;
