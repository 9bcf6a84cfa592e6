import ExcelJS from 'exceljs';
import type { CatalogueDirectory, Item } from '../../definitions/schemas/index.js';
import { REFERENCE_SHEET, SHEETS, STATUS_VALUES, type CatalogueColumn } from './catalogueSheets.js';

/** What the template shows as examples and choices: the drafts the studio edits. */
export interface TemplateContext {
  readonly directories: readonly CatalogueDirectory[];
  readonly items: readonly Item[];
  readonly domains: readonly { id: string; name: string }[];
  readonly overallLimits: readonly { id: string; name: string }[];
  readonly forms: readonly { id: string; name?: string; title?: string }[];
}

/** Rows the template prepares with the 启用/停用 list; more rows may be typed in. */
const PREPARED_ROWS = 500;

/** A directory as a template row (also the example row). */
export function directoryRow(d: CatalogueDirectory): Record<string, string> {
  return {
    id: d.id, name: d.name, parent: d.parent ?? '', version: d.version ?? '',
    status: d.enabled ? STATUS_VALUES.enabled : STATUS_VALUES.disabled, description: d.description ?? '', nameEn: d.nameEn ?? '',
  };
}

/** An item as a template row; an item in several domains with one overall limit lists them all. */
export function itemRow(i: Item): Record<string, string> {
  return {
    id: i.id, code: i.code, name: i.name, directory: i.directory, status: i.enabled ? STATUS_VALUES.enabled : STATUS_VALUES.disabled,
    region: i.region ?? '', description: i.description ?? '', legalBasis: i.legalBasis ?? '', handlingStandard: i.handlingStandard ?? '',
    domains: i.domains.map((d) => d.domain).join('、'), overallLimit: i.domains.find((d) => d.overallLimit)?.overallLimit ?? '',
    form: i.form ?? '', keywords: (i.keywords ?? []).join('、'),
    nameEn: i.nameEn ?? '', descriptionEn: i.descriptionEn ?? '', legalBasisEn: i.legalBasisEn ?? '', handlingStandardEn: i.handlingStandardEn ?? '',
  };
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly CatalogueColumn[], examples: readonly Record<string, string>[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.field, width: c.width, style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } } }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  columns.forEach((c, i) => { header.getCell(i + 1).note = c.headerEn; });
  for (const example of examples) sheet.addRow(columns.map((c) => example[c.field] ?? ''));
  const status = columns.find((c) => c.field === 'status');
  if (!status) return;
  for (let r = 2; r <= PREPARED_ROWS + 1; r += 1) {
    sheet.getCell(`${status.column}${r}`).dataValidation = {
      type: 'list', allowBlank: true, formulae: [`"${STATUS_VALUES.enabled},${STATUS_VALUES.disabled}"`], showErrorMessage: true, error: '请选择“启用”或“停用”',
    };
  }
}

/**
 * The catalogue import template (DEF-2, DEF-3): a 事项目录 and a 事项清单 sheet with the seed's
 * columns, then the optional English text columns (each header carries its English name as a note),
 * and one example row each (taken from the drafts, so importing the template unchanged
 * changes nothing), and a sheet listing the domains, overall time limits, forms and directories to choose from.
 */
export async function buildCatalogueTemplate(ctx: TemplateContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tongguan';
  addSheet(workbook, SHEETS.directories.name, SHEETS.directories.columns, ctx.directories.slice(0, 1).map(directoryRow));
  const example = ctx.items.find((i) => ctx.directories.some((d) => d.id === i.directory)) ?? ctx.items[0];
  addSheet(workbook, SHEETS.items.name, SHEETS.items.columns, example ? [itemRow(example)] : []);

  const choices = workbook.addWorksheet(REFERENCE_SHEET);
  choices.columns = [{ key: 'what', width: 14 }, { key: 'id', width: 26 }, { key: 'name', width: 30 }];
  choices.addRow(['类别', '标识', '名称']).font = { bold: true };
  const list = (what: string, rows: readonly { id: string; name: string }[]) => rows.forEach((r) => choices.addRow([what, r.id, r.name]));
  list('领域', ctx.domains);
  list('整体时限', ctx.overallLimits);
  list('表单', ctx.forms.map((f) => ({ id: f.id, name: f.name ?? f.title ?? '' })));
  list('事项目录', ctx.directories.map((d) => ({ id: d.id, name: d.name })));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
