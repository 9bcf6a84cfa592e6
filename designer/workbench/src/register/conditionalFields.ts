type Json = Record<string, unknown>;

/** Decides whether data satisfies a sub-schema (the form validator's `isValid`). */
export type IsValid = (schema: Json, data: unknown) => boolean;

const propsOf = (s: unknown): string[] => {
  if (!s || typeof s !== 'object') return [];
  const o = s as { required?: unknown; properties?: unknown };
  return [...(Array.isArray(o.required) ? o.required as string[] : []), ...(o.properties && typeof o.properties === 'object' ? Object.keys(o.properties) : [])];
};

/**
 * Fields a form asks for only under a condition (DEF-14 `allOf: [{ if, then }]`, e.g. 危险物品描述
 * when 是否有危险物品 is yes): those named by a `then` (or `else`) and required nowhere unconditionally.
 * Returns the ones whose condition does not hold for `data`, which the form hides.
 */
export function hiddenConditionalFields(schema: { required?: readonly string[]; allOf?: readonly unknown[] }, data: Json, isValid: IsValid): string[] {
  const always = new Set(schema.required ?? []);
  const shown = new Set<string>();
  const conditional = new Set<string>();
  for (const rule of schema.allOf ?? []) {
    const r = rule as { if?: Json; then?: unknown; else?: unknown };
    if (!r.if) continue;
    const holds = isValid(r.if, data);
    for (const [branch, active] of [[r.then, holds], [r.else, !holds]] as const) {
      for (const name of propsOf(branch)) {
        if (always.has(name)) continue;
        conditional.add(name);
        if (active) shown.add(name);
      }
    }
  }
  return [...conditional].filter((n) => !shown.has(n));
}
