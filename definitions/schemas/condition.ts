import { Type, type Static } from '@sinclair/typebox';

/**
 * A json-rules-engine condition: `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }` or a leaf
 * `{ fact, operator, value, path? }`. A leaf value may itself reference a fact: `{ fact, path }`.
 */
export const ConditionSchema = Type.Recursive(
  (Self) =>
    Type.Union([
      Type.Object({ all: Type.Array(Self, { minItems: 1 }) }, { additionalProperties: false }),
      Type.Object({ any: Type.Array(Self, { minItems: 1 }) }, { additionalProperties: false }),
      Type.Object({ not: Self }, { additionalProperties: false }),
      Type.Object(
        {
          fact: Type.String({ minLength: 1 }),
          operator: Type.String({ minLength: 1 }),
          value: Type.Unknown(),
          path: Type.Optional(Type.String({ pattern: '^\\$' })),
        },
        { additionalProperties: false },
      ),
    ]),
  { $id: 'urn:tongguan:condition', title: '条件' },
);
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: string; operator: string; value: unknown; path?: string };

/** Bilingual text shown to users (zh-CN default). */
export const LocalizedTextSchema = Type.Object(
  { 'zh-CN': Type.String({ minLength: 1 }), 'en-US': Type.Optional(Type.String()) },
  { additionalProperties: false, title: '文本' },
);
export type LocalizedText = Static<typeof LocalizedTextSchema>;

/** A rule: when the condition fails the action is hidden/refused and `reason` says why (显隐控制). */
export const GuardSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, title: '规则标识' }),
    when: Type.Unsafe<Condition>(ConditionSchema),
    reason: LocalizedTextSchema,
  },
  { additionalProperties: false, title: '规则' },
);
export type Guard = Static<typeof GuardSchema>;
