import { localName } from '../../../shared/i18n';
import { definitionsApi, type Draft } from '../definitionsApi';

const cache = new Map<string, Promise<Draft[]>>();

/** The drafts of a kind for pickers; cached until a save says otherwise. */
export function draftsOf(kind: string): Promise<Draft[]> {
  let p = cache.get(kind);
  if (!p) {
    p = definitionsApi.list(kind).then((r) => r.items);
    p.catch(() => cache.delete(kind));
    cache.set(kind, p);
  }
  return p;
}

export function forgetDrafts(kind?: string): void {
  if (kind) cache.delete(kind);
  else cache.clear();
}

export const optionLabel = (d: Draft) => {
  const name = localName(d.definition as never);
  return name ? `${name} (${d.id})` : d.id;
};
