/** A definition as JSON (kept local: the engine-side tests import this module without the browser API client). */
type Json = Record<string, unknown>;

const MAX_ID = 80;

/** `base`, or `base-2`, `base-3` … (kept within the id length): the first one `taken` does not hold. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  const fit = (s: string, suffix = '') => s.slice(0, MAX_ID - suffix.length).replace(/[._-]+$/, '') + suffix;
  let id = fit(base);
  for (let n = 2; taken.has(id); n += 1) id = fit(base, `-${n}`);
  return id;
}

/**
 * The status bindings of flow `from` made over to its copy `to`: each under a fresh id that no
 * existing binding (`existingIds`, every package's) and no other copy holds, so copying never
 * overwrites a binding; the copies point at the new flow.
 */
export function copiedBindings(bindings: readonly Json[], existingIds: Iterable<string>, from: string, to: string): Json[] {
  const taken = new Set(existingIds);
  const out: Json[] = [];
  for (const b of bindings) {
    if (b.flow !== from || typeof b.id !== 'string') continue;
    const base = b.id.includes(from) ? b.id.split(from).join(to) : `${b.id}.${to}`;
    const id = freshId(base, taken);
    taken.add(id);
    out.push({ ...b, id, flow: to });
  }
  return out;
}
