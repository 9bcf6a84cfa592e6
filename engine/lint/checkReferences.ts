import type { TSchema } from '@sinclair/typebox';
import { definitionKinds } from '../../definitions/schemas/index.js';
import type { IdentifiedKind } from '../definitions/bundleTypes.js';
import { isDisabled, type LintContext, type PathToken } from './lintContext.js';

/** A reference found in a definition: the kind and id it names and where it sits. */
export interface FoundReference {
  readonly kind: string;
  readonly id: string;
  readonly path: readonly PathToken[];
}

type SchemaNode = TSchema & {
  'x-ref'?: string;
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
};

const holdsRef = new WeakMap<object, boolean>();

function children(schema: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  out.push(...Object.values(schema.properties ?? {}), ...Object.values(schema.patternProperties ?? {}));
  if (typeof schema.additionalProperties === 'object') out.push(schema.additionalProperties);
  if (Array.isArray(schema.items)) out.push(...schema.items);
  else if (schema.items) out.push(schema.items);
  out.push(...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? []));
  return out;
}

/** Whether a schema has an `x-ref` anywhere below it (memoised; prunes the walk). */
function containsRef(schema: SchemaNode): boolean {
  const known = holdsRef.get(schema);
  if (known !== undefined) return known;
  holdsRef.set(schema, false);
  const result = typeof schema['x-ref'] === 'string' || children(schema).some(containsRef);
  holdsRef.set(schema, result);
  return result;
}

function walk(schema: SchemaNode, value: unknown, path: PathToken[], out: Map<string, FoundReference>): void {
  if (!containsRef(schema)) return;
  const kind = schema['x-ref'];
  if (typeof kind === 'string') {
    if (typeof value === 'string') out.set(path.join('/'), { kind, id: value, path });
    return;
  }
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) walk(branch, value, path, out);
  if (Array.isArray(value)) {
    const items = schema.items;
    value.forEach((v, i) => {
      const itemSchema = Array.isArray(items) ? items[i] : items;
      if (itemSchema) walk(itemSchema, v, [...path, i], out);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const direct = schema.properties?.[key];
    if (direct) { walk(direct, v, [...path, key], out); continue; }
    const patterned = Object.entries(schema.patternProperties ?? {}).find(([p]) => new RegExp(p, 'u').test(key))?.[1];
    if (patterned) walk(patterned, v, [...path, key], out);
    else if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, v, [...path, key], out);
  }
}

/** Every `x-ref` reference inside a definition, found by walking it against its kind's schema. */
export function referencesOf(schema: TSchema, definition: unknown): FoundReference[] {
  const out = new Map<string, FoundReference>();
  walk(schema as SchemaNode, definition, [], out);
  return [...out.values()];
}

/** The organisation's own references are checked by engine/org (checkOrg), surfaced as ORG_* findings. */
const ORG_KINDS: ReadonlySet<string> = new Set(['department', 'grid', 'user', 'role']);

/** References a specific check reports with its own code when they name nothing. */
function unknownReportedElsewhere(kind: string, ref: FoundReference): boolean {
  return kind === 'item' && ref.path[0] === 'dispatch';
}

/** Dangling-but-disabled pairs a specific check reports with its own code. */
function disabledReportedElsewhere(kind: string, ref: FoundReference): boolean {
  return kind === 'item' && ref.kind === 'catalogueDirectory';
}

/**
 * Generic reference resolution: every field marked `x-ref: <kind>` must name an existing definition
 * of that kind (LINT_UNKNOWN_REFERENCE; LINT_UNKNOWN_BUTTON for button types), and an enabled
 * definition should not reference a disabled one (LINT_DISABLED_REFERENCE).
 */
export function checkReferences(ctx: LintContext): void {
  for (const spec of definitionKinds) {
    if (!spec.identified || ORG_KINDS.has(spec.kind)) continue;
    const kind = spec.kind as IdentifiedKind;
    for (const [id, definition] of Object.entries(ctx.defs[kind])) {
      for (const ref of referencesOf(spec.schema, definition)) {
        const targets = (ctx.defs as Record<string, Record<string, unknown> | undefined>)[ref.kind];
        const target = targets?.[ref.id];
        if (target === undefined) {
          if (unknownReportedElsewhere(kind, ref)) continue;
          const code = ref.kind === 'buttonType' ? 'LINT_UNKNOWN_BUTTON' : 'LINT_UNKNOWN_REFERENCE';
          ctx.report(code, kind, id, ref.path, { kind, id, refKind: ref.kind, ref: ref.id });
        } else if (isDisabled(target) && !isDisabled(definition) && !disabledReportedElsewhere(kind, ref)) {
          ctx.report('LINT_DISABLED_REFERENCE', kind, id, ref.path, { kind, id, refKind: ref.kind, ref: ref.id });
        }
      }
    }
  }
}
