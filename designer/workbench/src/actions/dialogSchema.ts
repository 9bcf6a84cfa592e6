import type { CatalogueIndex } from '../../../shared/catalogue/CatalogueContext';

type Json = Record<string, unknown>;

/** Dialog formats that need the organisation or a vocabulary; SchemaForm's own pickers handle the rest. */
export const DIALOG_WIDGETS: Record<string, string> = {
  lowerCenter: 'lowerCenterPicker',
  sameLevelDepartment: 'sameLevelDepartmentPicker',
};

const PICKER_FORMATS = new Set(['department', 'user', 'grid']);

/**
 * A button type's dialog schema made ready for the form: `format: 'vocabulary:<id>'` becomes the
 * vocabulary's entries (enum + enumNames/enumNamesEn), organisation formats the dialog knows become
 * widgets. The format is dropped where it was resolved, so the client validator never meets it.
 * For en-US, `titleEn`/`descriptionEn`/`enumNamesEn` replace the Chinese texts at every depth.
 */
export function dialogSchema(schema: Json, uiSchema: Json | undefined, c: CatalogueIndex, lang: 'zh-CN' | 'en-US' = 'zh-CN'): { schema: Json; uiSchema: Json } {
  const ui: Json = structuredClone(uiSchema ?? {});
  const walk = (node: Json, uiNode: Json): Json => {
    const out: Json = { ...node };
    // SchemaForm localises properties, items and combinators; dependency branches are localised here
    if (lang === 'en-US' && typeof node.titleEn === 'string') out.title = node.titleEn;
    if (lang === 'en-US' && typeof node.descriptionEn === 'string') out.description = node.descriptionEn;
    if (lang === 'en-US' && Array.isArray(node.enumNamesEn)) out.enumNames = node.enumNamesEn;
    const format = typeof node.format === 'string' ? node.format : undefined;
    if (format?.startsWith('vocabulary:')) {
      const entries = c.vocabulary(format.slice('vocabulary:'.length))?.entries ?? [];
      delete out.format;
      out.enum = entries.map((e) => e.value);
      out.enumNames = entries.map((e) => e.label);
      out.enumNamesEn = entries.map((e) => e.labelEn ?? e.label);
    } else if (format && DIALOG_WIDGETS[format]) {
      delete out.format;
      if (uiNode['ui:widget'] === undefined) uiNode['ui:widget'] = DIALOG_WIDGETS[format];
    }
    if (node.properties && typeof node.properties === 'object') {
      out.properties = Object.fromEntries(Object.entries(node.properties as Record<string, Json>).map(([k, v]) => [k, walk(v, (uiNode[k] ??= {}) as Json)]));
    }
    if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) {
      const items = node.items as Json;
      // RJSF fills an array up to minItems with blank entries; a picker of several ids shows them as
      // empty chips. Pickers clear to undefined, so `required` says "pick at least one" instead.
      if (typeof items.format === 'string' && PICKER_FORMATS.has(items.format) && node.minItems === 1) delete out.minItems;
      out.items = walk(items, (uiNode.items ??= {}) as Json);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[key])) out[key] = (node[key] as Json[]).map((s) => walk(s, uiNode));
    }
    if (node.dependencies && typeof node.dependencies === 'object') {
      out.dependencies = Object.fromEntries(Object.entries(node.dependencies as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v : walk(v as Json, uiNode)]));
    }
    return out;
  };
  return { schema: walk(schema, ui), uiSchema: ui };
}
