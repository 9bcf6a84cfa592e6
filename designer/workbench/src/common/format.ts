import dayjs from 'dayjs';
import type { CatalogueIndex } from '../../../shared/catalogue/CatalogueContext';
import { localName, type Lang } from '../../../shared/i18n';

export const formatDateTime = (ms: number | string | null | undefined) => (ms === null || ms === undefined || ms === '' ? '' : dayjs(ms).format('YYYY-MM-DD HH:mm'));

/** A vocabulary entry's label in the UI language (the value when unknown). */
export function vocabularyLabel(c: CatalogueIndex, vocabulary: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  const entry = c.vocabulary(vocabulary)?.entries.find((e) => e.value === value);
  return entry ? localName(entry, lang) : String(value);
}

export function itemName(c: CatalogueIndex, id: string | null | undefined, lang: Lang): string {
  if (!id) return '';
  return localName(c.item(id), lang) || id;
}

/** A button type's name in the UI language. */
export function buttonName(c: CatalogueIndex, id: string, lang: Lang): string {
  return localName(c.button(id), lang) || id;
}
