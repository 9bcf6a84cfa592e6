import type { ViewColumn } from '../../definitions/schemas/index.js';
import type { CompiledBundle } from '../../engine/index.js';
import { departmentOf } from '../../engine/org/index.js';
import { DEFAULT_UTC_OFFSET_MINUTES, formatLocalDateTime, type SlaState } from '../../engine/sla/index.js';
import { nameIn, type ExportLang } from '../exports/lang.js';
import type { ListRowOut } from './listRow.js';
import type { SlaCell } from './slaCell.js';

const SLA_TEXT: Record<ExportLang, Record<SlaState, string>> = {
  'zh-CN': { normal: '正常', warning: '预警', overdue: '超时', paused: '暂停' },
  'en-US': { normal: 'On time', warning: 'Warning', overdue: 'Overdue', paused: 'Paused' },
};

const dateTime = (at: number) => formatLocalDateTime(at, DEFAULT_UTC_OFFSET_MINUTES);

function slaText(cell: SlaCell, lang: ExportLang): string {
  const words = SLA_TEXT[lang];
  const en = lang === 'en-US';
  const stage = cell.state && cell.dueAt !== null ? (en ? `${words[cell.state]} (due ${dateTime(cell.dueAt)})` : `${words[cell.state]}（${dateTime(cell.dueAt)} 到期）`) : '';
  const overall = cell.overall
    ? (en ? `overall ${words[cell.overall.state].toLowerCase()} (due ${dateTime(cell.overall.dueAt)})` : `整体${words[cell.overall.state]}（${dateTime(cell.overall.dueAt)} 到期）`)
    : '';
  return [stage, overall].filter(Boolean).join(en ? '; ' : '；');
}

function plain(value: unknown, lang: ExportLang): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return lang === 'en-US' ? (value ? 'Yes' : 'No') : (value ? '是' : '否');
  if (Array.isArray(value)) return value.map((v) => String(plain(v, lang) ?? '')).join(lang === 'en-US' ? ', ' : '、');
  return JSON.stringify(value);
}

/**
 * A list cell as the users read it, in `lang` (zh-CN by default): dates in China time, vocabulary
 * labels, item, department and grid names, status texts and time limits spelled out (English names
 * where the definitions have them). Spreadsheet safety is applied later.
 */
export function cellText(cb: CompiledBundle, column: ViewColumn, row: ListRowOut, lang: ExportLang = 'zh-CN'): string | number | null {
  const value = row.cells[column.field];
  if (value === undefined || value === null) return null;
  switch (column.format) {
    case 'datetime': return typeof value === 'number' ? dateTime(value) : plain(value, lang);
    case 'vocabulary': {
      const entries = column.vocabulary ? cb.bundle.defs.vocabulary[column.vocabulary]?.entries : undefined;
      const entry = entries?.find((e) => e.value === value);
      return entry ? nameIn(lang, entry.label, entry.labelEn) : plain(value, lang);
    }
    case 'status': return nameIn(lang, row.status.text, row.status.textEn);
    case 'item': {
      const item = typeof value === 'string' ? cb.bundle.defs.item[value] : undefined;
      return item ? nameIn(lang, item.name, item.nameEn) : plain(value, lang);
    }
    case 'department': case 'region': {
      const department = typeof value === 'string' ? departmentOf(cb.org, value) : undefined;
      return department ? nameIn(lang, department.name, department.nameEn) : plain(value, lang);
    }
    case 'sla': return slaText(value as SlaCell, lang);
    default: {
      // a grid column (所属网格) holds the grid's id
      const grid = column.field === 'grid' && typeof value === 'string' ? cb.org.grids.get(value) : undefined;
      return grid ? nameIn(lang, grid.name, grid.nameEn) : plain(value, lang);
    }
  }
}

/** Spreadsheet formula injection: text starting with = + - @ tab or CR is prefixed with a single quote. */
export function neutralise(value: string | number | null): string | number | null {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
