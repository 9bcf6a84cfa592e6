import type { RJSFSchema, UiSchema } from '@rjsf/utils';

type Json = Record<string, unknown>;

/**
 * Definitions write choices the seed's way (`enum` + `enumNames`) and pickers as formats
 * (`department`, `user`, `grid`, `item`). RJSF 6 wants `ui:enumNames` and a widget: move them over,
 * and for en-US use `enumNamesEn` / `titleEn` / `descriptionEn` where a definition gives them (and
 * `ui:placeholderEn`, `ui:helpEn`, `ui:enumNamesEn` … in the uiSchema).
 */
export function prepareSchema(schema: Json, uiSchema: Json = {}, lang: 'zh-CN' | 'en-US' = 'zh-CN'): { schema: RJSFSchema; uiSchema: UiSchema } {
  const ui: Json = structuredClone(uiSchema);
  const walk = (node: Json, uiNode: Json): Json => {
    localizeUi(uiNode, lang);
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'enumNames' || k === 'enumNamesEn' || k === 'titleEn' || k === 'descriptionEn') continue;
      out[k] = v;
    }
    const names = (lang === 'en-US' ? node.enumNamesEn : undefined) ?? node.enumNames;
    if (Array.isArray(names) && uiNode['ui:enumNames'] === undefined) uiNode['ui:enumNames'] = names;
    if (lang === 'en-US' && typeof node.titleEn === 'string') out.title = node.titleEn;
    if (lang === 'en-US' && typeof node.descriptionEn === 'string') out.description = node.descriptionEn;
    // @rjsf/antd shows `ui:help` in place of the field's errors: keep it as part of the description instead
    if (typeof uiNode['ui:help'] === 'string') {
      const own = typeof uiNode['ui:description'] === 'string' ? uiNode['ui:description'] : out.description;
      const help = uiNode['ui:help'];
      const sep = lang === 'en-US' ? (/[.!?]$/.test(help) ? ' ' : '. ') : /[。；！？]$/.test(help) ? '' : '。';
      uiNode['ui:description'] = typeof own === 'string' && own ? `${help}${sep}${own}` : help;
      delete uiNode['ui:help'];
    }
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
      const itemsUi = (uiNode.items ??= {}) as Json;
      // RJSF reads a multi-select's choice names from the items' uiSchema; definitions write them on the array
      if (Array.isArray(items.enum) && uiNode['ui:enumNames'] !== undefined && itemsUi['ui:enumNames'] === undefined) itemsUi['ui:enumNames'] = uiNode['ui:enumNames'];
      out.items = walk(items, itemsUi);
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
  region: 'regionPicker',
};

/** Formats the validator accepts as plain strings (the server checks the ids). */
export const CUSTOM_FORMATS = ['department', 'user', 'grid', 'item', 'region', 'phone'] as const;

/** `ui:xEn` beside `ui:x` (placeholder, help, enumNames, title, description): the English one for en-US; never passed on. */
function localizeUi(uiNode: Json, lang: 'zh-CN' | 'en-US'): void {
  for (const key of Object.keys(uiNode)) {
    if (!key.startsWith('ui:') || !key.endsWith('En') || key.length <= 5) continue;
    if (lang === 'en-US') uiNode[key.slice(0, -2)] = uiNode[key];
    delete uiNode[key];
  }
}
