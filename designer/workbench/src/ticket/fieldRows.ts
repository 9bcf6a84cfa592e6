import dayjs from 'dayjs';
import type { CatalogueIndex } from '../../../shared/catalogue/CatalogueContext';
import type { Form } from '../../../../definitions/schemas/form';
import type { Lang } from '../../../shared/i18n';

type Json = Record<string, unknown>;

/** Fields the reporter section shows (engine/privacy REPORTER_FIELDS); the rest is the event. */
export const REPORTER_FIELDS = ['reporterName', 'reporterPhone', 'reporterGender', 'reporterBirthDate', 'reporterAddress', 'reporterDetailAddress'];
/** Shown as download links, not as text. */
export const ATTACHMENT_FIELD = 'attachments';

export interface FieldRow {
  key: string;
  label: string;
  value: string;
  /** Long text (description, remarks) takes the whole row. */
  wide: boolean;
}

/** The ticket's form: the domain's default form with the item's personalised form on top (DEF-14). */
export function ticketForms(c: CatalogueIndex, domainId: string, itemId: string): Form[] {
  const forms: Form[] = [];
  const domain = c.domains.find((d) => d.id === domainId) as { form?: string } | undefined;
  const item = c.item(itemId) as { form?: string } | undefined;
  const push = (id: string | undefined) => {
    const f = id ? c.form(id) : undefined;
    if (!f || forms.includes(f)) return;
    if (f.extends) push(f.extends);
    forms.push(f);
  };
  push(domain?.form);
  push(item?.form);
  return forms;
}

function enumLabel(schema: Json, ui: Json, value: unknown, lang: Lang): string | undefined {
  const values = (schema.enum ?? (schema.items as Json | undefined)?.enum) as unknown[] | undefined;
  if (!Array.isArray(values)) return undefined;
  const itemsUi = (ui.items ?? {}) as Json;
  const names = ((lang === 'en-US' ? schema.enumNamesEn ?? ui['ui:enumNamesEn'] : undefined) ?? schema.enumNames ?? ui['ui:enumNames'] ?? itemsUi['ui:enumNames']
    ?? (schema.items as Json | undefined)?.enumNames) as string[] | undefined;
  const i = values.indexOf(value);
  return i >= 0 && names?.[i] !== undefined ? names[i] : undefined;
}

/** One value as text: vocabulary/enum labels, org names, dates, yes/no. */
export function formatValue(c: CatalogueIndex, key: string, schema: Json, ui: Json, value: unknown, lang: Lang, yesNo: [string, string]): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.map((v) => formatValue(c, key, (schema.items ?? {}) as Json, ui, v, lang, yesNo)).filter(Boolean).join('、');
  if (typeof value === 'boolean') return value ? yesNo[0] : yesNo[1];
  if (typeof value === 'object') return Object.values(value as Json).map(String).join(', ');
  const vocabulary = c.vocabulary(key)?.entries.find((e) => e.value === value);
  if (vocabulary) return (lang === 'en-US' ? (vocabulary as { labelEn?: string }).labelEn : undefined) ?? (vocabulary as { label?: string }).label ?? String(value);
  const label = enumLabel(schema, ui, value, lang);
  if (label) return label;
  if (key === 'item' || schema.format === 'item') return localOrId(c.item(String(value)), lang, String(value));
  if (key === 'grid' || schema.format === 'grid') return c.gridName(String(value));
  if (key === 'regionCode') { const region = c.org.departments.find((d) => d.regionCode === value); return region ? c.departmentName(region.id, lang) : String(value); }
  if (schema.format === 'department') return c.departmentName(String(value), lang);
  if (schema.format === 'date-time') return dayjs(String(value)).format('YYYY-MM-DD HH:mm');
  return String(value);
}

function localOrId(def: { name?: string; nameEn?: string } | undefined, lang: Lang, id: string): string {
  if (!def) return id;
  return (lang === 'en-US' ? def.nameEn : undefined) ?? def.name ?? id;
}

/**
 * The ticket's fields as label/value rows in the form's order (`ui:order`), with the form's titles
 * (`titleEn` for en-US); fields the form does not know are left out, empty ones too.
 */
export function fieldRows(c: CatalogueIndex, forms: readonly Form[], values: Json, lang: Lang, yesNo: [string, string], only?: (key: string) => boolean): FieldRow[] {
  const props: Record<string, Json> = {};
  const ui: Json = {};
  let order: string[] = [];
  for (const f of forms) {
    Object.assign(props, f.schema.properties as Record<string, Json>);
    const fui = (f.uiSchema ?? {}) as Json;
    for (const [k, v] of Object.entries(fui)) if (!k.startsWith('ui:')) ui[k] = v;
    const o = (fui['ui:order'] as string[] | undefined)?.filter((k) => k !== '*') ?? [];
    order = [...order, ...o.filter((k) => !order.includes(k))];
  }
  const keys = [...order.filter((k) => k in props), ...Object.keys(props).filter((k) => !order.includes(k))];
  return keys.flatMap((key) => {
    if (only && !only(key)) return [];
    const schema = props[key]!;
    const fieldUi = (ui[key] ?? {}) as Json;
    const value = formatValue(c, key, schema, fieldUi, values[key], lang, yesNo);
    if (!value) return [];
    const label = (lang === 'en-US' ? (schema.titleEn as string | undefined) : undefined) ?? (schema.title as string | undefined) ?? key;
    const wide = fieldUi['ui:widget'] === 'textarea' || value.length > 40;
    return [{ key, label, value, wide }];
  });
}
