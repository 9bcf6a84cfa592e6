/** The language of a file the server writes for a user (xlsx lists, docx details): the workbench's UI language. */
export type ExportLang = 'zh-CN' | 'en-US';

/**
 * The requesting user's language: `?lang=` when given, else the first tag of Accept-Language (the
 * workbench sends its UI language there); English for any `en…`, Chinese (the default) otherwise.
 */
export function requestLang(query: unknown, acceptLanguage: string | string[] | undefined): ExportLang {
  const explicit = query && typeof query === 'object' ? (query as Record<string, unknown>).lang : undefined;
  const header = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  const first = typeof explicit === 'string' && explicit !== '' ? explicit : header?.split(',')[0]?.split(';')[0];
  return first?.trim().toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

/** A definition's name in `lang`: the English one where it has one, the Chinese one otherwise. */
export function nameIn(lang: ExportLang, zh: string, en: string | undefined): string {
  return lang === 'en-US' && en ? en : zh;
}
