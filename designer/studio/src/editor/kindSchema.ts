import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { Json } from '../definitionsApi';

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Nodes a generated form cannot edit well (recursive conditions, free-form JSON): edited as JSON text. */
function needsJson(node: Json): boolean {
  if (node.$ref || node.$id || node.patternProperties) return true;
  return node.type === undefined && !node.enum && !node.anyOf && !node.oneOf && node.const === undefined;
}

/** Labels in the UI language for enum values and for members the schema leaves untitled. */
export interface FormLabels {
  enumLabel?(value: string): string | undefined;
  /**
   * A member's title (`title`: the schema's own, possibly undefined); undefined keeps the schema's.
   * For an array's items `name` is the array's and `item` is true.
   */
  fieldTitle?(name: string, title: string | undefined, item?: boolean): string | undefined;
  /** A description as shown (undefined: not shown). */
  describe?(description: string): string | undefined;
}

/**
 * A kind's JSON Schema made into an RJSF form: references (`x-ref`) become pickers of that kind's
 * drafts, free-form and recursive parts a JSON text field. The root `$id` goes (the validator caches
 * schemas by id and a form schema differs from the kind's).
 */
export function formSchemaOf(schema: Json, labels: FormLabels = {}): { schema: RJSFSchema; uiSchema: UiSchema } {
  const walk = (node: Json, ui: Json, root: boolean, name?: string, item = false): Json => {
    const title = !root && name ? labels.fieldTitle?.(name, typeof node.title === 'string' ? node.title : undefined, item) : undefined;
    if (!root && needsJson(node)) {
      ui['ui:field'] = 'json';
      const shown = typeof node.description === 'string' && labels.describe ? labels.describe(node.description) : node.description;
      // typed so RJSF renders the field at all (array items without a type render nothing); the editor validates with the kind's own schema
      return { type: 'object', ...(title ?? node.title ? { title: title ?? node.title } : {}), ...(shown ? { description: shown } : {}) };
    }
    const out: Json = {};
    // the root's title is the page's (the kind), not repeated above the fields
    for (const [k, v] of Object.entries(node)) if (k !== '$id' && !(root && k === 'title')) out[k] = v;
    if (typeof node['x-ref'] === 'string') ui['ui:widget'] = 'refSelect';
    if (typeof node.description === 'string' && labels.describe) {
      const shown = labels.describe(node.description);
      if (shown) out.description = shown;
      else delete out.description;
    }
    if (title) out.title = title;
    if (Array.isArray(node.enum) && labels.enumLabel) {
      const names = node.enum.map((v) => labels.enumLabel!(String(v)));
      if (names.every(Boolean)) ui['ui:enumNames'] = names.map((n, i) => `${n} (${String((node.enum as unknown[])[i])})`);
    }
    if (isObject(node.properties)) {
      const props: Json = {};
      for (const [key, sub] of Object.entries(node.properties)) props[key] = walk(sub as Json, (ui[key] ??= {}) as Json, false, key);
      out.properties = props;
    }
    if (isObject(node.items)) {
      const items = node.items;
      if (typeof items['x-ref'] === 'string') {
        ui['ui:widget'] = 'refSelect';
        out.items = items;
      } else {
        out.items = walk(items, (ui.items ??= {}) as Json, false, name, true);
      }
    } else if (Array.isArray(node.items)) {
      // a tuple (a GeoJSON position): its members are named after the array and their place
      out.items = (node.items as Json[]).map((item, i) => walk(item, {}, false, `${name ?? ''}${i}`, true));
    }
    return out;
  };
  const ui: Json = {};
  return { schema: walk(schema, ui, true) as RJSFSchema, uiSchema: ui as UiSchema };
}

/**
 * Drops what a form leaves behind but the schema does not want: optional members that are
 * undefined or empty objects (an untouched optional sub-form).
 */
export function pruneEmpty(schema: Json, data: unknown): unknown {
  if (Array.isArray(data)) {
    const items = isObject(schema.items) ? schema.items : {};
    return data.map((d) => pruneEmpty(items, d));
  }
  if (!isObject(data)) return data;
  const props = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const out: Json = {};
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined) continue;
    const sub = isObject(props[k]) ? (props[k] as Json) : {};
    const pruned = pruneEmpty(sub, v);
    if (!required.has(k) && isObject(pruned) && Object.keys(pruned).length === 0 && sub.type === 'object') continue;
    out[k] = pruned;
  }
  return out;
}
