import type { Item } from '../../definitions/schemas/index.js';
import type { Bundle } from '../definitions/bundleTypes.js';
import { textSimilarity } from './textSimilarity.js';

export interface ItemSuggestion {
  readonly item: string;
  readonly score: number;
  readonly matched: readonly string[];
}

/**
 * X-6 smart classification and ACC-1 item search: ranks enabled items of a domain by keyword
 * hits in the text and by similarity to the item's and its directories' names.
 */
export function suggestItems(bundle: Bundle, domain: string, text: string, limit = 5): ItemSuggestion[] {
  const { item: items, catalogueDirectory: dirs } = bundle.defs;
  const path = (i: Item): string[] => {
    const names: string[] = [];
    for (let d = dirs[i.directory]; d; d = d.parent ? dirs[d.parent] : undefined) names.push(d.name);
    return names;
  };
  return Object.values(items)
    .filter((i) => i.enabled && i.domains.some((d) => d.domain === domain))
    .map((i) => {
      const matched = [i.name, ...(i.keywords ?? [])].filter((k) => k && text.includes(k));
      const nameScore = Math.max(textSimilarity(text, i.name), ...path(i).map((n) => 0.5 * textSimilarity(text, n)));
      return { item: i.id, score: Math.min(1, 0.6 * Math.min(matched.length, 2) / 2 + 0.4 * nameScore + (text.includes(i.name) ? 0.4 : 0)), matched };
    })
    .filter((s) => s.score > 0.05)
    .sort((a, b) => b.score - a.score || a.item.localeCompare(b.item))
    .slice(0, limit);
}

/** ACC-1 item search across items and directories (事项的搜索框可筛选清单和目录). */
export function searchItems(bundle: Bundle, domain: string, query: string): Item[] {
  const q = query.trim();
  const { item: items, catalogueDirectory: dirs } = bundle.defs;
  return Object.values(items).filter((i) => {
    if (!i.enabled || !i.domains.some((d) => d.domain === domain)) return false;
    if (!q) return true;
    if (i.name.includes(q) || i.code.startsWith(q) || (i.keywords ?? []).some((k) => k.includes(q))) return true;
    for (let d = dirs[i.directory]; d; d = d.parent ? dirs[d.parent] : undefined) if (d.name.includes(q)) return true;
    return false;
  });
}
