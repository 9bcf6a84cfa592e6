import type { Query } from '../../../shared/api/client';
import type { ListTab, ListView, SortDir, ViewFilter } from './types';

/** A filter's value as the screen holds it: text, a chosen value, or a date range of days (YYYY-MM-DD). */
export type FilterInput = string | [string | null, string | null] | null | undefined;

/** What the user chose on a list: paging, order, 仅看与我有关, keyword and filter values by field. */
export interface ListState {
  page: number;
  pageSize: number;
  sort?: { field: string; dir: SortDir };
  onlyMine: boolean;
  q: string;
  filters: Record<string, FilterInput>;
}

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];

export const initialListState = (): ListState => ({ page: 1, pageSize: DEFAULT_PAGE_SIZE, onlyMine: false, q: '', filters: {} });

/** The search bar holds the `primary` filters; the others wait in the expandable panel. */
export function splitFilters(view: Pick<ListView, 'filters'>): { primary: ViewFilter[]; more: ViewFilter[] } {
  return { primary: view.filters.filter((f) => f.primary), more: view.filters.filter((f) => !f.primary) };
}

/** One filter's query-string value (runtime/views/listParams.ts): text and choices as they are, date ranges "from,to". */
export function filterParam(filter: ViewFilter, value: FilterInput): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const [from, to] = value;
    return from || to ? `${from ?? ''},${to ?? ''}` : undefined;
  }
  const text = filter.widget === 'text' ? value.trim() : value;
  return text === '' ? undefined : text;
}

/** The query string of GET /api/views/:view/tabs/:tab (and of its export, which ignores paging). */
export function listQuery(view: Pick<ListView, 'filters' | 'onlyMine'>, state: ListState, options: { paging?: boolean } = {}): Query {
  const query: Query = {};
  if (options.paging !== false) {
    query.page = state.page;
    query.pageSize = state.pageSize;
  }
  if (state.sort) {
    query.sort = state.sort.field;
    query.dir = state.sort.dir;
  }
  if (view.onlyMine && state.onlyMine) query.onlyMine = 'true';
  const q = state.q.trim();
  if (q) query.q = q;
  for (const filter of view.filters) {
    const value = filterParam(filter, state.filters[filter.field]);
    if (value !== undefined) query[filter.field] = value;
  }
  return query;
}

/** Whether the user narrowed the list (the empty state then says so). */
export function isFiltered(view: Pick<ListView, 'filters' | 'onlyMine'>, state: ListState): boolean {
  const { page: _p, pageSize: _s, sort: _o, dir: _d, ...rest } = listQuery(view, state);
  return Object.keys(rest).length > 0;
}

/** Whether the server sorts this tab on `field` (runtime/views/listParams.ts sortableFields). */
export const isSortable = (tab: Pick<ListTab, 'sortable'>, field: string) => Boolean(tab.sortable?.includes(field));

/** The order a table header shows: the user's, else the tab's own. */
export function effectiveSort(tab: Pick<ListTab, 'sort'>, state: Pick<ListState, 'sort'>): { field: string; dir: SortDir } | undefined {
  return state.sort ?? tab.sort ?? undefined;
}
