import ExcelJS from 'exceljs';
import type { View, ViewTab } from '../../definitions/schemas/index.js';
import type { CompiledBundle } from '../../engine/index.js';
import { nameIn, type ExportLang } from '../exports/lang.js';
import { cellText, neutralise } from './cellText.js';
import type { ListRowOut } from './listRow.js';

/** Excel forbids these in sheet names and limits them to 31 characters. */
export function sheetName(view: View, tab: ViewTab, lang: ExportLang = 'zh-CN'): string {
  return `${nameIn(lang, view.name, view.nameEn)}-${nameIn(lang, tab.name, tab.nameEn)}`.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
}

/** a list tab as an .xlsx workbook in `lang`: one sheet, the view's columns with their titles, formulas neutralised. */
export async function exportXlsx(cb: CompiledBundle, view: View, tab: ViewTab, rows: readonly ListRowOut[], lang: ExportLang = 'zh-CN'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tongguan';
  const sheet = workbook.addWorksheet(sheetName(view, tab, lang), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = view.columns.map((c) => ({ header: String(neutralise(nameIn(lang, c.title, c.titleEn))), key: c.field, width: Math.max(10, Math.round((c.width ?? 120) / 7)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(view.columns.map((c) => neutralise(cellText(cb, c, row, lang))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
