import type { Form } from '../../definitions/schemas/index.js';
import type { Bundle } from '../definitions/bundleTypes.js';

/** A form resolved along its `extends` chain: what @rjsf renders and the server validates. */
export interface MergedForm {
  readonly ids: readonly string[];
  readonly schema: {
    readonly type: 'object';
    readonly title?: string;
    readonly properties: Readonly<Record<string, unknown>>;
    readonly required: readonly string[];
    readonly allOf?: readonly unknown[];
    readonly dependencies?: Readonly<Record<string, unknown>>;
  };
  readonly uiSchema: Readonly<Record<string, unknown>>;
}

/** Finds a form by id (a bundle's, or the workbench's published catalogue). */
export type FormLookup = (id: string) => Form | undefined;

function chain(lookup: FormLookup, id: string): Form[] {
  const out: Form[] = [];
  const seen = new Set<string>();
  for (let f = lookup(id); f; f = f.extends ? lookup(f.extends) : undefined) {
    if (seen.has(f.id)) throw new RangeError(`form ${id} extends itself through ${[...seen].join(' → ')}`);
    seen.add(f.id);
    out.unshift(f);
  }
  if (out.length === 0) throw new RangeError(`form ${id} does not exist`);
  return out;
}

/**
 * DEF-14: a personalised form extends the default form — properties added, required lists joined,
 * conditional rules (allOf/dependencies) kept, uiSchema merged with the base's field order first.
 */
export function mergeForm(bundle: Bundle, id: string): MergedForm {
  return mergeFormFrom((formId) => bundle.defs.form[formId], id);
}

/** `mergeForm` over any form lookup (the workbench renders with it what the server validates with). */
export function mergeFormFrom(lookup: FormLookup, id: string): MergedForm {
  const forms = chain(lookup, id);
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const allOf: unknown[] = [];
  const dependencies: Record<string, unknown> = {};
  let uiSchema: Record<string, unknown> = {};
  const order: string[] = [];
  for (const f of forms) {
    Object.assign(properties, f.schema.properties);
    for (const r of f.schema.required ?? []) if (!required.includes(r)) required.push(r);
    allOf.push(...(f.schema.allOf ?? []));
    Object.assign(dependencies, f.schema.dependencies ?? {});
    const { 'ui:order': ownOrder, ...rest } = (f.uiSchema ?? {}) as Record<string, unknown>;
    uiSchema = { ...uiSchema, ...rest };
    const names = Array.isArray(ownOrder) ? (ownOrder as string[]).filter((n) => n !== '*') : Object.keys(f.schema.properties);
    for (const n of names) if (!order.includes(n)) order.push(n);
  }
  for (const n of Object.keys(properties)) if (!order.includes(n)) order.push(n);
  const top = forms[forms.length - 1]!;
  return {
    ids: forms.map((f) => f.id),
    schema: {
      type: 'object', title: top.schema.title ?? top.name, properties, required,
      ...(allOf.length > 0 ? { allOf } : {}), ...(Object.keys(dependencies).length > 0 ? { dependencies } : {}),
    },
    uiSchema: { ...uiSchema, 'ui:order': order },
  };
}

/** The form a ticket of this item in this domain is registered with: the item's own, else the domain's. */
export function ticketFormId(bundle: Bundle, domain: string, item: string): string | undefined {
  return bundle.defs.item[item]?.form ?? bundle.defs.domain[domain]?.form;
}
