import type { Form } from '../../../../definitions/schemas/form';
import type { Item } from '../../../../definitions/schemas/catalogue';
import type { Domain } from '../../../../definitions/schemas/domain';
import { hiddenConditionalFields, type IsValid } from './conditionalFields';
import { mergeForms, ticketFormId, type MergedForm } from './mergeForms';

type Json = Record<string, unknown>;

/**
 * The reference fields of the default form whose request columns buildRegisterBody reads (item, grid)
 * and the region, drawn as pickers when the form leaves them a plain select without choices.
 * A form may name any other widget itself (`ui:widget`) or use the picker formats (`format: grid`).
 */
const REFERENCE_PICKERS: Record<string, string> = { item: 'itemPicker', grid: 'gridPicker', regionCode: 'regionPicker' };

export interface RegistrationForm extends MergedForm {
  /** The uiSchema to render: pickers for reference fields, hidden conditional fields. */
  renderUi: Json;
  hidden: string[];
}

/** The form of a tab: the item's personalised form if it has one for the domain, else the domain's; merged along `extends`. */
export function registrationForm(
  domain: Domain | undefined, item: Item | undefined, form: (id: string) => Form | undefined, data: Json, isValid: IsValid,
): RegistrationForm | undefined {
  const usable = item && domain && item.domains.some((d) => d.domain === domain.id) ? item : undefined;
  const id = ticketFormId(domain, usable);
  const merged = id ? mergeForms(form, id) : undefined;
  if (!merged) return undefined;
  const ui: Json = structuredClone(merged.uiSchema);
  for (const [name, widget] of Object.entries(REFERENCE_PICKERS)) {
    const prop = merged.schema.properties[name] as Json | undefined;
    const own = (ui[name] ?? {}) as Json;
    if (prop && !prop.enum && !prop.format && (own['ui:widget'] === undefined || own['ui:widget'] === 'select')) ui[name] = { ...own, 'ui:widget': widget };
  }
  const hidden = hiddenConditionalFields(merged.schema, data, isValid);
  for (const name of hidden) ui[name] = { ...(ui[name] as Json | undefined), 'ui:widget': 'hidden' };
  return { ...merged, renderUi: ui, hidden };
}

/** The fields a tab keeps after a form change: values of fields the form now hides are dropped. */
export function withoutHidden(fields: Json, hidden: readonly string[]): Json {
  if (!hidden.some((h) => h in fields)) return fields;
  const out = { ...fields };
  for (const h of hidden) delete out[h];
  return out;
}
