import { Type, type TSchema, type TString, type SchemaOptions } from '@sinclair/typebox';

/** Stable identifier of a definition, unique within its kind. */
export const Id = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.\\-]*$',
  minLength: 1,
  maxLength: 80,
  title: '标识',
  description: 'Stable identifier: letters, digits, dot, dash or underscore.',
});

/** A reference to another definition by id; `x-ref` names the kind so validation and lint can resolve it. */
export function Ref(kind: string, options: SchemaOptions = {}): TString {
  return Type.String({ minLength: 1, maxLength: 80, ...options, 'x-ref': kind });
}

export const Name = (title = '名称') => Type.String({ minLength: 1, maxLength: 200, title });
/** The English name beside `name`, shown on en-US screens (they fall back to `name` when it is absent). */
export const NameEn = (title = '英文名称') => Type.Optional(Type.String({ maxLength: 200, title }));
export const Text = (title: string) => Type.String({ maxLength: 20_000, title });
export const Enabled = Type.Boolean({ title: '启用', default: true });
export const Color = (title: string) => Type.String({ pattern: '^#[0-9a-fA-F]{6}$', title });
export const Remark = Type.Optional(Type.String({ maxLength: 2000, title: '备注' }));

/** ISO date `YYYY-MM-DD`. */
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', title: '日期' });
/** Clock time `HH:mm` (24 h). */
export const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', title: '时间' });

/** A string union rendered as an enum in JSON Schema (friendlier for forms than anyOf of consts). */
export function StringEnum<T extends string[]>(values: [...T], options: SchemaOptions = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: values, ...options });
}

export type { TSchema };
