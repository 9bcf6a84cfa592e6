import type { CatalogueDirectory, Item } from '../../../../../definitions/schemas/catalogue';

/** A node of the item picker: a catalogue directory (not selectable) or an item. */
export interface ItemNode {
  key: string;
  value: string;
  title: string;
  kind: 'directory' | 'item';
  selectable: boolean;
  children?: ItemNode[];
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

const named = (def: { name: string; nameEn?: string }, q: string) => norm(def.name).includes(q) || norm(def.nameEn ?? '').includes(q);

/** Whether an item matches a search: its name (Chinese or English), code or keywords, or the name of a directory above it. */
export function itemMatches(item: Item, query: string, directoryPath: readonly CatalogueDirectory[] = []): boolean {
  const q = norm(query);
  if (!q) return true;
  return named(item, q) || item.code.includes(q) || (item.keywords ?? []).some((k) => norm(k).includes(q)) || directoryPath.some((d) => named(d, q));
}

/** The items registrable in a domain: enabled and listed for it. */
export function itemsOfDomain(items: readonly Item[], domain: string | undefined): Item[] {
  return items.filter((i) => i.enabled !== false && (!domain || i.domains.some((d) => d.domain === domain)));
}

/**
 * ACC-1 item search across catalogue directories: the directory tree with its items, narrowed to the
 * items matching `query` (name, code, keyword or directory name); empty directories are dropped.
 */
export function buildItemTree(
  directories: readonly CatalogueDirectory[], items: readonly Item[], query = '', label: (def: { name: string; nameEn?: string }) => string = (d) => d.name,
): ItemNode[] {
  const byParent = new Map<string | undefined, CatalogueDirectory[]>();
  for (const d of directories) {
    if (d.enabled === false) continue;
    const list = byParent.get(d.parent) ?? [];
    list.push(d);
    byParent.set(d.parent, list);
  }
  const itemsOf = new Map<string, Item[]>();
  for (const i of items) itemsOf.set(i.directory, [...(itemsOf.get(i.directory) ?? []), i]);
  const walk = (parent: string | undefined, path: CatalogueDirectory[]): ItemNode[] => (byParent.get(parent) ?? []).flatMap((d) => {
    const here = [...path, d];
    const children: ItemNode[] = [
      ...walk(d.id, here),
      ...(itemsOf.get(d.id) ?? []).filter((i) => itemMatches(i, query, here)).map((i): ItemNode => ({
        key: i.id, value: i.id, title: `${label(i)}（${i.code}）`, kind: 'item', selectable: true,
      })),
    ];
    return children.length === 0 ? [] : [{ key: `dir:${d.id}`, value: `dir:${d.id}`, title: label(d), kind: 'directory', selectable: false, children }];
  });
  return walk(undefined, []);
}

/** The directory names above an item, outermost first (shown beside the picked item), through `label` (e.g. `localName`). */
export function directoryPath(
  directories: readonly CatalogueDirectory[], item: Item | undefined, label: (def: { name: string; nameEn?: string }) => string = (d) => d.name,
): string[] {
  const byId = new Map(directories.map((d) => [d.id, d]));
  const out: string[] = [];
  const seen = new Set<string>();
  for (let d = item ? byId.get(item.directory) : undefined; d && !seen.has(d.id); d = d.parent ? byId.get(d.parent) : undefined) {
    seen.add(d.id);
    out.unshift(label(d));
  }
  return out;
}
