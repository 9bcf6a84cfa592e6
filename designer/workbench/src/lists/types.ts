import type { ViewColumn, ViewFilter } from '../../../../definitions/schemas/view';

export type { ViewColumn, ViewFilter };

export type SortDir = 'asc' | 'desc';

/** A tab of a list screen as GET /api/views sends it. */
export interface ListTab {
  key: string;
  name: string;
  nameEn: string | null;
  rowButtons: string[];
  batchButtons: string[];
  /** Which of the user's roles the tab is for (a view's tab may be one role's alone, REV-2). */
  roles?: string[];
  count: number;
  /** The tab's own order (the default). */
  sort?: { field: string; dir: SortDir } | null;
  /** Fields the server sorts on for this tab (indexed columns). */
  sortable?: string[];
}

/** A list screen as GET /api/views sends it (DEF view, with counts and the pool's state at the user's center). */
export interface ListView {
  id: string;
  module: string;
  name: string;
  nameEn: string | null;
  order: number;
  entity: 'ticket' | 'task' | 'application';
  onlyMine: boolean;
  exportable: boolean;
  pool: 'acceptance' | 'dispatch' | null;
  poolEnabled: boolean | null;
  columns: ViewColumn[];
  filters: ViewFilter[];
  toolbarButtons: string[];
  tabs: ListTab[];
}

export interface ListRow {
  id: string;
  entity: ListView['entity'];
  ticketId: string;
  taskId?: string;
  version: number;
  /** The binding's texts (of the row's flow, node and application kind, DEF-11). */
  status: { node: string; text: string; textEn?: string; textColor?: string; backgroundColor?: string };
  cells: Record<string, unknown>;
}

export interface ListPage {
  total: number;
  page: number;
  pageSize: number;
  rows: ListRow[];
}

/** The `sla` cell: the stage clock and the ticket's overall clock. */
export interface SlaCellValue {
  state: string | null;
  dueAt: number | null;
  overall: { state: string; dueAt: number } | null;
}
