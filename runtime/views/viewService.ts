import type { Knex } from '@mikro-orm/knex';
import type { View, ViewTab } from '../../definitions/schemas/index.js';
import { actedByActors, mayOpenView, poolEnabled, pooledNodes, visibleTabs, type CompiledBundle, type TicketState, type Viewer } from '../../engine/index.js';
import { centerOf, centersWithin } from '../../engine/org/index.js';
import type { BundleStore } from '../app/bundleStore.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import { parseState } from './parsedStates.js';
import type { ExportLang } from '../exports/lang.js';
import { exportXlsx, sheetName } from './exportXlsx.js';
import type { Dialect } from './jsonSql.js';
import { parseListParams, sortableFields, type ListParams } from './listParams.js';
import { listRow, type ListRowOut } from './listRow.js';
import { TabQuery, type StoredRow } from './tabQuery.js';

/** Rows an export reads per query, and at most in all. */
const EXPORT_BATCH = 500;
/** From this offset on a page waits for the count, to read from the end when it lies past the middle. */
export const DEEP_OFFSET = 1_000;
export const EXPORT_MAX_ROWS = 50_000;

export interface ListPage {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly rows: readonly ListRowOut[];
}

interface Opened {
  readonly cb: CompiledBundle;
  readonly view: View;
  readonly tab: ViewTab;
  readonly viewer: Viewer;
}

export function viewerOf(cb: CompiledBundle, user: Pick<SessionUser, 'id' | 'department'> & { roles?: readonly string[] }): Viewer {
  const center = centerOf(cb.org, user.department)?.id;
  return { user: user.id, department: user.department, ...(user.roles ? { roles: user.roles } : {}), center, ...(center ? { centers: centersWithin(cb.org, center).map((c) => c.id) } : {}) };
}

/** A view the user's roles may open, and (REV-2) only the tabs for those roles: a button the user may not press is not shown. */
const mayOpen = (view: View, user: SessionUser) => mayOpenView(view, user.roles);

/**
 * The generated list screens (ACC/DSP/HND/REV/CLS lists): which views a user may open, a tab's
 * rows and counts in the user's data scope, and the tab as a spreadsheet.
 */
export class ViewService {
  constructor(
    private readonly knex: Knex, private readonly bundles: BundleStore, private readonly dialect: Dialect, private readonly clock: () => number,
    /** Rows an export reads (and renders) at a time. */
    private readonly exportBatch = EXPORT_BATCH,
    /** The offset from which a page may be read from the end of the list. */
    private readonly deepOffset = DEEP_OFFSET,
  ) {}

  /** A tab's query for a viewer (tests use it to compare with the engine's matchesTab). */
  tabQuery(cb: CompiledBundle, view: View, tab: ViewTab, viewer: Viewer, params: Partial<Pick<ListParams, 'onlyMine' | 'q' | 'filters' | 'sort'>> = {}): TabQuery {
    return new TabQuery(this.knex, this.dialect, {
      view, tab, viewer: { ...viewer, actors: actedByActors(cb.org, view, tab, viewer) }, pooledNodes: viewer.center ? pooledNodes(cb, viewer.center) : new Set(),
      params: { onlyMine: params.onlyMine ?? false, filters: params.filters ?? [], ...(params.q ? { q: params.q } : {}), ...(params.sort ? { sort: params.sort } : {}) },
    });
  }

  /** The views the user's roles may open, in menu order, with every tab's count. */
  async catalogue(user: SessionUser) {
    const cb = await this.bundles.currentCompiled();
    const viewer = viewerOf(cb, user);
    const views = Object.values(cb.bundle.defs.view)
      .filter((v) => mayOpen(v, user))
      .sort((a, b) => a.module.localeCompare(b.module) || a.order - b.order);
    return {
      views: await Promise.all(views.map(async (v) => ({
        id: v.id, module: v.module, name: v.name, nameEn: v.nameEn ?? null, order: v.order, entity: v.entity,
        onlyMine: v.onlyMine ?? false, exportable: v.exportable !== false,
        pool: v.pool ?? null, poolEnabled: v.pool && viewer.center ? poolEnabled(cb, v.pool, viewer.center) : null,
        columns: v.columns, filters: v.filters, toolbarButtons: v.toolbarButtons ?? [],
        tabs: await Promise.all(visibleTabs(v, user.roles).map(async (t) => ({
          key: t.key, name: t.name, nameEn: t.nameEn ?? null, rowButtons: t.rowButtons, batchButtons: t.batchButtons ?? [],
          // which of the user's roles the tab is for: the workbench's role switch narrows the tabs by it (REV-2)
          roles: (t.roles ?? v.roles).filter((r) => user.roles.includes(r)),
          sort: t.query.sort ?? null, sortable: sortableFields(v, t),
          count: await this.tabQuery(cb, v, t, viewer).count(),
        }))),
      }))),
    };
  }

  /**
   * Every tab's count of one view with the list's 仅看与我有关 (DSP-6/ACC-7): the tab badges follow the
   * same filter as the rows (the catalogue counts without it).
   */
  async counts(user: SessionUser, viewId: string, query: Readonly<Record<string, unknown>>): Promise<{ view: string; onlyMine: boolean; tabs: { key: string; count: number }[] }> {
    const { cb, view, viewer } = await this.open(user, viewId, undefined);
    const onlyMine = query.onlyMine === 'true';
    return {
      view: view.id, onlyMine,
      tabs: await Promise.all(visibleTabs(view, user.roles).map(async (t) => ({ key: t.key, count: await this.tabQuery(cb, view, t, viewer, { onlyMine }).count() }))),
    };
  }

  async list(user: SessionUser, viewId: string, tabKey: string, query: Readonly<Record<string, unknown>>): Promise<ListPage> {
    const { cb, view, tab, viewer } = await this.open(user, viewId, tabKey);
    const params = parseListParams(view, tab, query);
    const q = this.tabQuery(cb, view, tab, viewer, params);
    const offset = (params.page - 1) * params.pageSize;
    // a shallow page is read while the list is counted; a deep one after, from whichever end is nearer
    const [total, stored] = offset < this.deepOffset || offset === 0
      ? await Promise.all([q.count(), q.rows(offset, params.pageSize)])
      : await q.count().then(async (n) => [n, await q.rows(offset, params.pageSize, n)] as const);
    return { total, page: params.page, pageSize: params.pageSize, rows: await this.toRows(cb, view, viewer, stored) };
  }

  /** every page of the tab (with the request's filters and order) as .xlsx. */
  async export(user: SessionUser, viewId: string, tabKey: string, query: Readonly<Record<string, unknown>>, lang: ExportLang = 'zh-CN'): Promise<{ filename: string; content: Buffer }> {
    const { cb, view, tab, viewer } = await this.open(user, viewId, tabKey);
    if (view.exportable === false) throw new AppError('TG_ERR_FORBIDDEN', { detail: `${view.name} 不可导出 (not exportable)` });
    const { page: _page, pageSize: _size, lang: _lang, ...rest } = query;
    const params = parseListParams(view, tab, rest);
    const q = this.tabQuery(cb, view, tab, viewer, params);
    const total = await q.count();
    if (total > EXPORT_MAX_ROWS) throw new AppError('TG_ERR_VALIDATION', { detail: `${total} rows; narrow the filters to at most ${EXPORT_MAX_ROWS}` });
    // the ids in order once, then the states by id: pages by offset would walk every row before each
    // one again (minutes for 30,000 rows on MariaDB) and could skip or repeat rows that move meanwhile
    const ids = await q.orderedIds();
    const rows: ListRowOut[] = [];
    for (let i = 0; i < ids.length; i += this.exportBatch) {
      rows.push(...(await this.toRows(cb, view, viewer, await q.rowsByIds(ids.slice(i, i + this.exportBatch)))));
    }
    return { filename: `${sheetName(view, tab, lang)}.xlsx`, content: await exportXlsx(cb, view, tab, rows, lang) };
  }

  /** The view and tab, if the user's roles may open both (403 otherwise); without a tab key, the first tab the user sees. */
  private async open(user: SessionUser, viewId: string, tabKey: string | undefined): Promise<Opened> {
    const cb = await this.bundles.currentCompiled();
    const view = cb.bundle.defs.view[viewId];
    if (!view) throw new AppError('TG_ERR_NOT_FOUND', { what: `view ${viewId}` });
    if (!mayOpen(view, user)) throw new AppError('TG_ERR_FORBIDDEN', { detail: `${view.name} (${view.roles.join(', ')})` });
    const tabs = visibleTabs(view, user.roles);
    const tab = tabKey === undefined ? tabs[0] : view.tabs.find((t) => t.key === tabKey);
    if (!tab) throw new AppError('TG_ERR_NOT_FOUND', { what: `tab ${tabKey} of ${viewId}` });
    if (!tabs.includes(tab)) throw new AppError('TG_ERR_FORBIDDEN', { detail: `${view.name} · ${tab.name} (${(tab.roles ?? view.roles).join(', ')})` });
    return { cb, view, tab, viewer: viewerOf(cb, user) };
  }

  private async toRows(cb: CompiledBundle, view: View, viewer: Viewer, stored: readonly StoredRow[]): Promise<ListRowOut[]> {
    const tickets = stored.map((s) => parseState<TicketState>(s.ticketState));
    const hashes = [...new Set(tickets.map((t) => t.bundleHash))];
    const bundles = new Map(await Promise.all(hashes.map(async (h) => [h, await this.bundles.compiledFor(h)] as const)));
    const now = this.clock();
    return stored.map((s, i) => listRow({ ...s, ticketState: tickets[i] }, { view, viewer, now, bundleOf: (t) => bundles.get(t.bundleHash) ?? cb }));
  }
}
