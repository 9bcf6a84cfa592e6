import type { View, ViewFilter, ViewTab } from '../../definitions/schemas/index.js';
import { REPORTER_FIELDS } from '../../engine/index.js';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../../engine/sla/index.js';
import { AppError } from '../errors.js';
import { fieldRef } from './fieldRef.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export type FilterValue =
  | { readonly filter: ViewFilter; readonly kind: 'contains'; readonly text: string }
  | { readonly filter: ViewFilter; readonly kind: 'equals'; readonly raw: string }
  | { readonly filter: ViewFilter; readonly kind: 'range'; readonly from?: number; readonly to?: number };

export interface ListParams {
  readonly page: number;
  readonly pageSize: number;
  readonly sort?: { readonly field: string; readonly dir: 'asc' | 'desc' };
  readonly onlyMine: boolean;
  /** Matches the ticket number or title. */
  readonly q?: string;
  readonly filters: readonly FilterValue[];
}

const RESERVED = new Set(['page', 'pageSize', 'sort', 'dir', 'onlyMine', 'q']);
const DAY = 86_400_000;

const bad = (detail: string) => new AppError('TG_ERR_VALIDATION', { detail });

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) throw bad(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** A dateRange end: epoch ms, an ISO instant, or a day (YYYY-MM-DD, China time; the end of the day for `to`). */
function instant(raw: string, end: boolean, field: string): number | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`) - DEFAULT_UTC_OFFSET_MINUTES * 60_000;
    if (Number.isNaN(start)) throw bad(`${field}: "${raw}" is not a date`);
    return end ? start + DAY - 1 : start;
  }
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) throw bad(`${field}: "${raw}" is not epoch milliseconds or an ISO date`);
  return parsed;
}

const isReporterField = (field: string) => (REPORTER_FIELDS as readonly string[]).some((f) => field === `fields.${f}` || field === `ticket.fields.${f}`);

function filterValue(filter: ViewFilter, raw: string): FilterValue | undefined {
  if (raw === '') return undefined;
  if (isReporterField(filter.field)) throw bad(`${filter.field}: lists do not filter on the reporter (X-3)`);
  switch (filter.widget) {
    case 'text': return { filter, kind: 'contains', text: raw.slice(0, 200) };
    case 'dateRange': {
      const parts = raw.split(',');
      if (parts.length !== 2) throw bad(`${filter.field} must be "from,to"`);
      const from = instant(parts[0]!, false, filter.field);
      const to = instant(parts[1]!, true, filter.field);
      return { filter, kind: 'range', ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
    }
    default: return { filter, kind: 'equals', raw };
  }
}

/** The fields a list may be sorted on: the view's columns and filters and the tab's own sort, when they are indexed columns. */
export function sortableFields(view: View, tab: ViewTab): string[] {
  const fields = new Set([...(tab.query.sort ? [tab.query.sort.field] : []), ...view.columns.map((c) => c.field), ...view.filters.map((f) => f.field)]);
  return [...fields].filter((f) => fieldRef(view.entity, f).kind === 'column');
}

/** Reads a list request's query string against the view: paging, sorting, 仅看与我有关, search and the view's filters. */
export function parseListParams(view: View, tab: ViewTab, query: Readonly<Record<string, unknown>>): ListParams {
  const text = (name: string): string | undefined => {
    const v = query[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw bad(`${name} is given more than once`);
    return v;
  };
  const filters: FilterValue[] = [];
  for (const key of Object.keys(query)) {
    if (RESERVED.has(key)) continue;
    const filter = view.filters.find((f) => f.field === key);
    if (!filter) throw bad(`${key} is not a filter of ${view.id}`);
    const value = filterValue(filter, text(key)!);
    if (value) filters.push(value);
  }
  const onlyMineRaw = text('onlyMine') ?? '';
  if (!['', 'true', 'false', '1', '0'].includes(onlyMineRaw)) throw bad('onlyMine must be true or false');
  const dirRaw = text('dir');
  if (dirRaw !== undefined && dirRaw !== '' && dirRaw !== 'asc' && dirRaw !== 'desc') throw bad('dir must be asc or desc');
  const sortField = text('sort') || tab.query.sort?.field;
  if (sortField && !sortableFields(view, tab).includes(sortField)) throw bad(`${view.id} cannot be sorted on ${sortField}`);
  const dir = (dirRaw || (sortField === tab.query.sort?.field ? tab.query.sort?.dir : undefined) || 'asc') as 'asc' | 'desc';
  const q = text('q')?.trim().slice(0, 100);
  return {
    page: integer('page', text('page'), 1, 1, 1_000_000),
    pageSize: integer('pageSize', text('pageSize'), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
    ...(sortField ? { sort: { field: sortField, dir } } : {}),
    onlyMine: onlyMineRaw === 'true' || onlyMineRaw === '1',
    ...(q ? { q } : {}),
    filters,
  };
}
