import type { Json } from '../definitionsApi';
import type { FormLabels } from './kindSchema';
import type { RefOptions } from './RefSelect';

/**
 * References that take only some drafts of their kind, by kind and member: a flow is chosen by the
 * scope it drives (an item's personalised flow is a task flow, DEF-3), with a link to open it.
 */
export const scopedRefs: Readonly<Record<string, Readonly<Record<string, RefOptions>>>> = {
  domain: { flow: { refWhere: { scope: 'ticket' }, refLink: true }, form: { refLink: true } },
  item: { flow: { refWhere: { scope: 'task' }, refLink: true }, form: { refLink: true } },
  flow: { taskFlow: { refWhere: { scope: 'task' }, refLink: true }, applicationFlow: { refWhere: { scope: 'application' }, refLink: true } },
  timeLimit: { calendar: { refLink: true }, attendance: { refLink: true } },
};

/** A form's uiSchema with the kind's scoped references (`ui:options` of their pickers). */
export function withScopedRefs(kind: string, uiSchema: Json): Json {
  const refs = scopedRefs[kind];
  if (!refs) return uiSchema;
  const out: Json = { ...uiSchema };
  for (const [member, options] of Object.entries(refs)) {
    const ui = (out[member] ?? {}) as Json;
    out[member] = { ...ui, 'ui:options': { ...((ui['ui:options'] as Json | undefined) ?? {}), ...options } };
  }
  return out;
}

/** Looks a studio text up by key; undefined when the UI language has none. */
export type TextLookup = (key: string) => string | undefined;

/**
 * The labels of a kind's form in the UI language. Untitled members get `fields.<name>`. On an
 * English screen the schemas' Chinese titles give way to English ones: `kindTitles.<kind>.<name>`
 * where a member means something particular in that kind, else `titles.<name>`; an array's items
 * take `itemTitles.<array>`. The schemas document their members in English, so a Chinese screen
 * leaves the notes without Chinese out.
 */
export function formLabels(kind: string, english: boolean, lookup: TextLookup): FormLabels {
  return {
    enumLabel: (v) => lookup(`enums.${v}`),
    fieldTitle: (name, title, item) => {
      if (item) return english && title !== undefined ? lookup(`itemTitles.${name}`) : undefined;
      const englishTitle = () => lookup(`kindTitles.${kind}.${name}`) ?? lookup(`titles.${name}`);
      if (title === undefined) return lookup(`fields.${name}`) ?? (english ? englishTitle() : undefined);
      return english ? englishTitle() : undefined;
    },
    describe: (d) => (!english && !/[\u4e00-\u9fff]/.test(d) ? undefined : d),
  };
}
