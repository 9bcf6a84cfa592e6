import { Tooltip, type TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import type { CatalogueIndex } from '../../../shared/catalogue/CatalogueContext';
import { localName, type Lang } from '../../../shared/i18n';
import { formatDateTime, itemName, vocabularyLabel } from '../common/format';
import { StatusTag } from '../common/StatusTag';
import { effectiveSort, isSortable } from './listQuery';
import type { ColumnPlan } from './columnLayout';
import { SlaCell } from './SlaCell';
import type { ListRow, ListTab, SlaCellValue, SortDir, ViewColumn } from './types';

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
      // a grid column (所属网格) holds the grid's id
      if (column.field === 'grid' && typeof value === 'string') return c.gridName(value, lang);
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
  const text = cellText(column, row, ctx);
  // the whole text on hover: the cell cuts it with an ellipsis
  return text ? <Tooltip title={text} placement="topLeft" mouseEnterDelay={0.3}><span>{text}</span></Tooltip> : text;
}

/**
 * The table's columns from the view definition as the plan shows them (which, how wide); headers
 * sort where the server can. Text cuts with an ellipsis (whole on hover); status tags and deadlines
 * keep to their cells.
 */
export function buildColumns(plan: Pick<ColumnPlan, 'shown'>, tab: Pick<ListTab, 'sort' | 'sortable'>, sort: { field: string; dir: SortDir } | undefined, ctx: CellContext): TableColumnType<ListRow>[] {
  const current = effectiveSort(tab, { sort });
  return plan.shown.map(({ column, width }) => {
    const sortable = isSortable(tab, column.field) && column.format !== 'sla';
    return {
      key: column.field,
      dataIndex: ['cells', column.field],
      title: localName(column, ctx.lang),
      width,
      // which column a cell is, for the layout's browser test and for styling
      onHeaderCell: () => ({ 'data-col': column.field }) as HTMLAttributes<HTMLElement>,
      onCell: () => ({ 'data-col': column.field }) as HTMLAttributes<HTMLElement>,
      ellipsis: column.format === 'sla' || column.format === 'status' ? false : { showTitle: false },
      ...(sortable ? {
        sorter: true,
        sortOrder: current?.field === column.field ? (current.dir === 'asc' ? 'ascend' as const : 'descend' as const) : null,
        sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
      } : {}),
      render: (_: unknown, row: ListRow) => render(column, row, ctx),
    };
  });
}
