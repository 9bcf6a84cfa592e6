import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { cellText } from '../org/readUserSheet.js';
import { SHEETS, type CatalogueSheet } from './catalogueSheets.js';

/** One filled-in row; `row` is the spreadsheet row number (the header is row 1). */
export interface CatalogueRow {
  readonly sheet: CatalogueSheet;
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

export interface CatalogueWorkbook {
  readonly directories: readonly CatalogueRow[];
  readonly items: readonly CatalogueRow[];
}

/** More rows than this (both sheets together) are refused as a whole: split the file. */
export const MAX_CATALOGUE_ROWS = 5000;

function fileError(reason: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('TG_ERR_CATALOGUE_IMPORT_FILE', {}, { reason, ...extra });
}

const normalise = (header: string) => header.replace(/[*＊\s]/g, '').replace(/（/g, '(').replace(/）/g, ')');

function readSheet(workbook: ExcelJS.Workbook, kind: CatalogueSheet): CatalogueRow[] {
  const spec = SHEETS[kind];
  const sheet = workbook.worksheets.find((w) => [spec.name, spec.nameEn].includes(w.name.trim()));
  if (!sheet) return [];
  const header = sheet.getRow(1);
  const found = spec.columns.map((c) => cellText(header.getCell(c.column).value));
  if (spec.columns.some((c, i) => normalise(found[i] ?? '') !== normalise(c.header))) {
    throw fileError(`the first row of sheet ${spec.name} is not the template header`, { sheet: kind, expected: spec.columns.map((c) => c.header), found });
  }
  const rows: CatalogueRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Object.fromEntries(spec.columns.map((c) => [c.field, cellText(row.getCell(c.column).value)]));
    if (Object.values(cells).every((v) => v === '')) return;
    rows.push({ sheet: kind, row: rowNumber, cells });
  });
  return rows;
}

/**
 * Reads the catalogue import workbook (DEF-2, DEF-3): the 事项目录 and 事项清单 sheets (either may be
 * missing), each with the template's header. A body that is not an .xlsx workbook, a sheet whose
 * header is not the template's, or a file without rows is a TG_ERR_CATALOGUE_IMPORT_FILE.
 */
export async function readCatalogueWorkbook(body: Buffer): Promise<CatalogueWorkbook> {
  if (body.length === 0) throw fileError('the file is empty');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw fileError('the file is not a readable .xlsx workbook');
  }
  if (!workbook.worksheets.some((w) => Object.values(SHEETS).some((s) => [s.name, s.nameEn].includes(w.name.trim())))) {
    throw fileError(`the workbook has neither a ${SHEETS.directories.name} nor a ${SHEETS.items.name} sheet`, { sheets: workbook.worksheets.map((w) => w.name) });
  }
  const directories = readSheet(workbook, 'directories');
  const items = readSheet(workbook, 'items');
  const total = directories.length + items.length;
  if (total > MAX_CATALOGUE_ROWS) throw fileError(`the file has more than ${MAX_CATALOGUE_ROWS} rows; split it`, { maxRows: MAX_CATALOGUE_ROWS });
  if (total === 0) throw fileError('the file has no rows below the headers');
  return { directories, items };
}
