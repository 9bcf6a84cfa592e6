import type { Form } from '../../../../definitions/schemas/form';
import { mergeFormFrom, type MergedForm as EngineMergedForm } from '../../../../engine/forms/mergeForm';

/** A form resolved along its `extends` chain, as the engine validates it (engine/forms/mergeForm.ts). */
export interface MergedForm {
  ids: string[];
  title: string;
  titleEn?: string;
  schema: {
    type: 'object';
    title?: string;
    properties: Record<string, unknown>;
    required: string[];
    allOf?: unknown[];
    dependencies?: Record<string, unknown>;
  };
  uiSchema: Record<string, unknown>;
}

/** The form a ticket of this item in this domain is registered with: the item's own, else the domain's (engine `ticketFormId`). */
export function ticketFormId(domain: { form?: string } | undefined, item: { form?: string; domains?: { domain: string }[] } | undefined): string | undefined {
  return item?.form ?? domain?.form;
}

/** DEF-14 on the client: the engine's own merge (so the form rendered is the form validated), with the title apart. */
export function mergeForms(lookup: (id: string) => Form | undefined, id: string): MergedForm | undefined {
  let merged: EngineMergedForm;
  try {
    merged = mergeFormFrom(lookup, id);
  } catch {
    return undefined; // an unknown form or an extends cycle: nothing to render
  }
  const top = lookup(merged.ids[merged.ids.length - 1]!)!;
  const { title, ...schema } = merged.schema;
  const titleEn = (top.schema as { titleEn?: string }).titleEn ?? (top as { nameEn?: string }).nameEn;
  return {
    ids: [...merged.ids],
    title: title ?? top.name,
    ...(titleEn ? { titleEn } : {}),
    schema: { ...schema, properties: { ...schema.properties }, required: [...schema.required] } as MergedForm['schema'],
    uiSchema: { ...merged.uiSchema },
  };
}
