import type { TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import type { CatalogueIndex } from '../../../shared/catalogue/CatalogueContext';
import { localName, type Lang } from '../../../shared/i18n';
import { formatDateTime, itemName, vocabularyLabel } from '../common/format';
import { StatusTag } from '../common/StatusTag';
import { effectiveSort, isSortable } from './listQuery';
import { SlaCell } from './SlaCell';
import type { ListRow, ListTab, ListView, SlaCellValue, SortDir, ViewColumn } from './types';

/** Widths for columns the view leaves open, by format. */
const WIDTH: Record<string, number> = {
  text: 140, datetime: 150, maskedName: 80, maskedPhone: 120, vocabulary: 90, region: 100, department: 140, item: 140, status: 100, sla: 196, user: 90,
};

const CODE = /^[a-z][A-Za-z]*$/;

export interface CellContext {
  catalogue: CatalogueIndex;
  lang: Lang;
  /** `t` of the `lists` namespace. */
  t: TFunction;
}

function plain(value: unknown, ctx: CellContext): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return ctx.t(value ? 'yes' : 'no');
  if (Array.isArray(value)) return value.map((v) => plain(v, ctx)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A cell as text in the UI language: dates in local time, vocabulary labels, item and department
 * names, engine codes (application kinds, task roles) spelled out; reporter cells as the server masked them.
 */
export function cellText(column: ViewColumn, row: ListRow, ctx: CellContext): string {
  const value = row.cells[column.field];
  const { catalogue: c, lang } = ctx;
  switch (column.format) {
    case 'datetime': return typeof value === 'number' || typeof value === 'string' ? formatDateTime(value) : '';
    case 'vocabulary': return column.vocabulary ? vocabularyLabel(c, column.vocabulary, value, lang) : plain(value, ctx);
    case 'item': return typeof value === 'string' ? itemName(c, value, lang) : plain(value, ctx);
    case 'region': case 'department': return typeof value === 'string' ? c.departmentName(value) : plain(value, ctx);
    // the server sends the person's name
    case 'user': return plain(value, ctx);
    case 'status': return localName({ name: row.status.text, nameEn: row.status.textEn ?? c.statusBindings.find((b) => b.node === row.status.node)?.statusTextEn }, lang);
    default: {
      const last = column.field.split('.').pop()!;
      return typeof value === 'string' && CODE.test(value) ? ctx.t(`codes.${last}.${value}`, { defaultValue: value }) : plain(value, ctx);
    }
  }
}

function render(column: ViewColumn, row: ListRow, ctx: CellContext) {
  if (column.format === 'status') {
    const { node, text, textEn, textColor, backgroundColor } = row.status;
    return <StatusTag node={node} text={text} {...(textEn ? { textEn } : {})} {...(textColor ? { textColor } : {})} {...(backgroundColor ? { backgroundColor } : {})} />;
  }
  if (column.format === 'sla') return <SlaCell value={row.cells[column.field] as SlaCellValue | null | undefined} />;
  return cellText(column, row, ctx);
}

/** The table's columns from the view definition; headers sort where the server can. */
export function buildColumns(view: Pick<ListView, 'columns'>, tab: Pick<ListTab, 'sort' | 'sortable'>, sort: { field: string; dir: SortDir } | undefined, ctx: CellContext, options: { scrolls: boolean } = { scrolls: true }): TableColumnType<ListRow>[] {
  const current = effectiveSort(tab, { sort });
  return view.columns.map((column) => {
    const sortable = isSortable(tab, column.field) && column.format !== 'sla';
    const width = column.width ?? WIDTH[column.format ?? 'text'] ?? 140;
    return {
      key: column.field,
      dataIndex: ['cells', column.field],
      title: localName(column, ctx.lang),
      // an empty table fits the page instead of scrolling
      ...(options.scrolls ? { width } : {}),
      // only the buttons stay fixed when the columns scroll: with the status and time-limit columns fixed
      // too, antd drew their headers at other offsets than their cells (headers over the wrong columns)
      ellipsis: options.scrolls && column.format !== 'sla' && column.format !== 'status',
      ...(sortable ? {
        sorter: true,
        sortOrder: current?.field === column.field ? (current.dir === 'asc' ? 'ascend' as const : 'descend' as const) : null,
        sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
      } : {}),
      render: (_: unknown, row: ListRow) => render(column, row, ctx),
    };
  });
}
