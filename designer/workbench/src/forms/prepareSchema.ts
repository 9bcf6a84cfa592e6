import type { RJSFSchema, UiSchema } from '@rjsf/utils';

type Json = Record<string, unknown>;

/**
 * Definitions write choices the seed's way (`enum` + `enumNames`) and pickers as formats
 * (`department`, `user`, `grid`, `item`). RJSF 6 wants `ui:enumNames` and a widget: move them over,
 * and for en-US use `enumNamesEn` / `titleEn` / `descriptionEn` where a definition gives them.
 */
export function prepareSchema(schema: Json, uiSchema: Json = {}, lang: 'zh-CN' | 'en-US' = 'zh-CN'): { schema: RJSFSchema; uiSchema: UiSchema } {
  const ui: Json = structuredClone(uiSchema);
  const walk = (node: Json, uiNode: Json): Json => {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'enumNames' || k === 'enumNamesEn' || k === 'titleEn' || k === 'descriptionEn') continue;
      out[k] = v;
    }
    const names = (lang === 'en-US' ? node.enumNamesEn : undefined) ?? node.enumNames;
    if (Array.isArray(names) && uiNode['ui:enumNames'] === undefined) uiNode['ui:enumNames'] = names;
    if (lang === 'en-US' && typeof node.titleEn === 'string') out.title = node.titleEn;
    if (lang === 'en-US' && typeof node.descriptionEn === 'string') out.description = node.descriptionEn;
    const format = node.format;
    if (typeof format === 'string' && uiNode['ui:widget'] === undefined && PICKERS[format]) uiNode['ui:widget'] = PICKERS[format];
    if (node.properties && typeof node.properties === 'object') {
      const props: Json = {};
      for (const [name, sub] of Object.entries(node.properties as Record<string, Json>)) {
        const subUi = (uiNode[name] ??= {}) as Json;
        props[name] = walk(sub, subUi);
      }
      out.properties = props;
    }
    if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) {
      const items = node.items as Json;
      // an array of picker values is one multi-select widget, not a list of single pickers
      if (typeof items.format === 'string' && PICKERS[items.format] && uiNode['ui:widget'] === undefined) uiNode['ui:widget'] = PICKERS[items.format];
      out.items = walk(items, (uiNode.items ??= {}) as Json);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[key])) out[key] = (node[key] as Json[]).map((s) => walk(s, uiNode));
    }
    for (const key of ['if', 'then', 'else'] as const) {
      if (node[key] && typeof node[key] === 'object') out[key] = walk(node[key] as Json, uiNode);
    }
    return out;
  };
  return { schema: walk(schema, ui) as RJSFSchema, uiSchema: ui as UiSchema };
}

/** Formats that mean "pick one of the organisation's records". */
export const PICKERS: Record<string, string> = {
  department: 'departmentPicker',
  user: 'userPicker',
  grid: 'gridPicker',
  item: 'itemPicker',
};

/** Formats the validator accepts as plain strings (the server checks the ids). */
export const CUSTOM_FORMATS = ['department', 'user', 'grid', 'item', 'region', 'phone'] as const;
