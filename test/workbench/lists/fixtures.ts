import buttonTypes from '../../../definitions/packages/linkage/button-types.json';
import statusBindings from '../../../definitions/packages/linkage/status-bindings.json';
import vocabularies from '../../../definitions/packages/linkage/vocabularies.json';
import views from '../../../definitions/packages/linkage/views.json';
import type { Catalogue } from '../../../designer/shared/catalogue/CatalogueContext';
import type { ListRow, ListView } from '../../../designer/workbench/src/lists/types';

type ViewDef = (typeof views)[number];

/** A view definition of the linkage package as GET /api/views sends it (counts, the tab's order, sortable fields). */
export function listView(id: string, counts: Record<string, number> = {}, extra: Partial<ListView> = {}): ListView {
  const def = views.find((v) => v.id === id) as ViewDef | undefined;
  if (!def) throw new Error(`no view ${id}`);
  const d = def as ViewDef & { onlyMine?: boolean; pool?: 'acceptance' | 'dispatch'; exportable?: boolean; toolbarButtons?: string[] };
  return {
    id: d.id, module: d.module, name: d.name, nameEn: d.nameEn ?? null, order: d.order, entity: d.entity as ListView['entity'],
    onlyMine: d.onlyMine ?? false, exportable: d.exportable !== false, pool: d.pool ?? null, poolEnabled: d.pool ? true : null,
    columns: d.columns as ListView['columns'], filters: d.filters as ListView['filters'], toolbarButtons: d.toolbarButtons ?? [],
    tabs: d.tabs.map((t) => {
      const tab = t as typeof t & { batchButtons?: string[]; query: { sort?: { field: string; dir: 'asc' | 'desc' } } };
      return {
        key: tab.key, name: tab.name, nameEn: tab.nameEn ?? null, rowButtons: tab.rowButtons, batchButtons: tab.batchButtons ?? [],
        count: counts[tab.key] ?? 0, sort: tab.query.sort ?? null, sortable: ['number', 'title', 'item', 'reportedAt', 'channel', 'center', 'node', 'difficult'],
      };
    }),
    ...extra,
  };
}

/** The published definitions the screens need (GET /api/workbench/catalogue), small. */
export const catalogue: Catalogue = {
  version: 1, hash: 'test', domains: [], forms: [], buttonGroups: [], systemParameters: [],
  directories: [{ id: 'dir.city', name: '市容环境', enabled: true }] as Catalogue['directories'],
  items: [{ id: 'item.wzgg', directory: 'dir.city', code: '2000000001', name: '违规设置户外广告', enabled: true, domains: [], dispatch: [] }] as Catalogue['items'],
  vocabularies: vocabularies as Catalogue['vocabularies'],
  buttonTypes: buttonTypes as Catalogue['buttonTypes'],
  statusBindings: statusBindings as Catalogue['statusBindings'],
  flows: [],
  roles: [{ id: 'dispatcher', name: '派遣员', nameEn: 'Dispatcher' }, { id: 'acceptor', name: '受理员', nameEn: 'Acceptor' }],
  org: {
    departments: [
      { id: 'zjg', name: '张家港市', parent: null, kind: 'region', level: 'county', center: 'zjg', isCenter: true },
      { id: 'zjg.cgj', name: '城管局', parent: 'zjg', kind: 'unit', level: 'unit', center: 'zjg', isCenter: false },
    ],
    grids: [],
  },
};

/** A ticket row of a list as the server sends it. */
export function ticketRow(n: number, over: Partial<ListRow['cells']> = {}): ListRow {
  return {
    id: `t${n}`, entity: 'ticket', ticketId: `t${n}`, version: n + 1,
    status: { node: 'dispatch', text: '待分拨', textColor: '#096dd9', backgroundColor: '#e6f7ff' },
    cells: {
      number: `DH2025061000${n}`, title: `事件${n}`, item: 'item.wzgg', reportedAt: Date.UTC(2025, 5, 10, 1, n), 'fields.reporterName': '张**',
      channel: 'web', center: 'zjg', urgency: 'urgent', node: 'dispatch',
      sla: { state: 'overdue', dueAt: Date.UTC(2025, 5, 10, 2), overall: { state: 'normal', dueAt: Date.UTC(2025, 5, 20, 2) } },
      ...over,
    },
  };
}
