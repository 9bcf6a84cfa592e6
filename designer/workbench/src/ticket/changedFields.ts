type Json = Record<string, unknown>;

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The fields an edit changed, as acc.edit's payload wants them (`{fields}`): values that differ from
 * the ticket's, and `null` for a field that was cleared. Untouched fields (masked reporter data among
 * them) are not sent, so they are never overwritten.
 */
export function changedFields(before: Json, after: Json): Json {
  const out: Json = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = after[key];
    const b = before[key];
    if (empty(a) && empty(b)) continue;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out[key] = empty(a) ? null : a;
  }
  return out;
}
