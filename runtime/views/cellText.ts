import type { ViewColumn } from '../../definitions/schemas/index.js';
import type { CompiledBundle } from '../../engine/index.js';
import { departmentOf } from '../../engine/org/index.js';
import { DEFAULT_UTC_OFFSET_MINUTES, formatLocalDateTime, type SlaState } from '../../engine/sla/index.js';
import type { ListRowOut } from './listRow.js';
import type { SlaCell } from './slaCell.js';

const SLA_TEXT: Record<SlaState, string> = { normal: '正常', warning: '预警', overdue: '超时', paused: '暂停' };

const dateTime = (at: number) => formatLocalDateTime(at, DEFAULT_UTC_OFFSET_MINUTES);

function slaText(cell: SlaCell): string {
  const stage = cell.state && cell.dueAt !== null ? `${SLA_TEXT[cell.state]}（${dateTime(cell.dueAt)} 到期）` : '';
  const overall = cell.overall ? `整体${SLA_TEXT[cell.overall.state]}（${dateTime(cell.overall.dueAt)} 到期）` : '';
  return [stage, overall].filter(Boolean).join('；');
}

function plain(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((v) => String(plain(v) ?? '')).join('、');
  return JSON.stringify(value);
}

/**
 * A list cell as the users read it (zh-CN): dates in China time, vocabulary labels, item and
 * department names, status texts and time limits spelled out. Spreadsheet safety is applied later.
 */
export function cellText(cb: CompiledBundle, column: ViewColumn, row: ListRowOut): string | number | null {
  const value = row.cells[column.field];
  if (value === undefined || value === null) return null;
  switch (column.format) {
    case 'datetime': return typeof value === 'number' ? dateTime(value) : plain(value);
    case 'vocabulary': {
      const entries = column.vocabulary ? cb.bundle.defs.vocabulary[column.vocabulary]?.entries : undefined;
      return entries?.find((e) => e.value === value)?.label ?? plain(value);
    }
    case 'status': return row.status.text;
    case 'item': return typeof value === 'string' ? (cb.bundle.defs.item[value]?.name ?? value) : plain(value);
    case 'department': case 'region': return typeof value === 'string' ? (departmentOf(cb.org, value)?.name ?? value) : plain(value);
    case 'sla': return slaText(value as SlaCell);
    default: return plain(value);
  }
}

/** Spreadsheet formula injection: text starting with = + - @ tab or CR is prefixed with a single quote. */
export function neutralise(value: string | number | null): string | number | null {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
