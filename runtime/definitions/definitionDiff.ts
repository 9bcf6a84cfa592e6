import { definitionKinds } from '../../definitions/schemas/index.js';
import { canonicalJson, type Bundle } from '../../engine/index.js';

export interface KindDiff {
  readonly added: string[];
  readonly removed: string[];
  /** Changed definitions with the JSON pointers (inside the definition) of what changed. */
  readonly changed: { readonly id: string; readonly pointers: string[] }[];
}

export interface BundleDiff {
  readonly packages: KindDiff;
  /** Only kinds with a change appear. */
  readonly kinds: Record<string, KindDiff>;
}

const escape = (token: string | number) => String(token).replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** JSON pointers where two JSON values differ: the deepest differing members; array elements by index. */
export function changedPointers(a: unknown, b: unknown, at = ''): string[] {
  if (canonicalJson(a) === canonicalJson(b)) return [];
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedPointers(a[k], b[k], `${at}/${escape(k)}`));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) out.push(`${at}/${i}`);
      else out.push(...changedPointers(a[i], b[i], `${at}/${i}`));
    }
    return out;
  }
  return [at];
}

function diffRecords(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): KindDiff {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const diff: KindDiff = { added: [], removed: [], changed: [] };
  for (const id of ids) {
    if (!(id in before)) diff.added.push(id);
    else if (!(id in after)) diff.removed.push(id);
    else {
      const pointers = changedPointers(before[id], after[id]);
      if (pointers.length > 0) diff.changed.push({ id, pointers });
    }
  }
  return diff;
}

const isEmpty = (d: KindDiff) => d.added.length + d.removed.length + d.changed.length === 0;

/** What changed from one bundle to another: packages, and per kind added, removed and changed definitions. */
export function diffBundles(before: Bundle, after: Bundle): BundleDiff {
  const kinds: Record<string, KindDiff> = {};
  for (const spec of definitionKinds) {
    if (!spec.identified) continue;
    const kind = spec.kind as keyof Bundle['defs'];
    const d = diffRecords(before.defs[kind] ?? {}, after.defs[kind] ?? {});
    if (!isEmpty(d)) kinds[kind] = d;
  }
  const manifests = (b: Bundle) => Object.fromEntries(b.packages.map((m) => [m.name, m]));
  return { packages: diffRecords(manifests(before), manifests(after)), kinds };
}
