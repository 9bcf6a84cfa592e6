/**
 * Parsed JSON states of list rows, keyed by their stored text. Lists are read over and over (tab
 * counts, polling, paging) while a ticket's state changes only with its version, and parsing the
 * states of a page was the largest part of a list request after the query (profile of
 * bench/lists.ts). Equal text is an equal state, so a hit needs no id or version; a changed row is a
 * different text and simply misses. The values are shared between requests: read them, never change them.
 */
const MAX_ENTRIES = 2_000;
const cache = new Map<string, unknown>();

export function parseState<T>(value: unknown): T {
  if (typeof value !== 'string') return value as T;
  const hit = cache.get(value);
  if (hit !== undefined) return hit as T;
  const parsed = JSON.parse(value) as unknown;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(value, parsed);
  return parsed as T;
}
