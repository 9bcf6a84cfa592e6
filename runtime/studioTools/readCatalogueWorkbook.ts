import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { cellText } from '../org/readUserSheet.js';
import { SHEETS, type CatalogueSheet } from './catalogueSheets.js';

/** One filled-in row; `row` is the spreadsheet row number (the header is row 1). */
export interface CatalogueRow {
  readonly sheet: CatalogueSheet;
  readonly row: number;
  /** The cells by field; a field whose column the sheet lacks (an optional column) is absent. */
  readonly cells: Readonly<Record<string, string>>;
  /** The column letter of each field in this workbook (columns are found by their header). */
  readonly columns: Readonly<Record<string, string>>;
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

const normalise = (header: string) => header.replace(/[*＊\s]/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

/**
 * Finds each column of the sheet by its header (the template's Chinese header, with or without the
 * `*`, or its English header), wherever it stands. Every column of the first template must be there;
 * the English columns added later (`mayBeAbsent`) may be missing. Columns with other headers are ignored.
 */
function locateColumns(sheet: ExcelJS.Worksheet, kind: CatalogueSheet): Record<string, string> {
  const spec = SHEETS[kind];
  const found: string[] = [];
  const columns: Record<string, string> = {};
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, n) => {
    const text = cellText(cell.value);
    found.push(text);
    const key = normalise(text);
    const column = spec.columns.find((c) => normalise(c.header) === key || normalise(c.headerEn) === key);
    if (!column) return;
    if (columns[column.field]) {
      throw fileError(`sheet ${spec.name} has two columns headed ${column.header.replace(/^\*/, '')}`, { sheet: kind, header: column.header, columns: [columns[column.field], sheet.getColumn(n).letter] });
    }
    columns[column.field] = sheet.getColumn(n).letter;
  });
  const missing = spec.columns.filter((c) => !c.mayBeAbsent && !columns[c.field]).map((c) => c.header);
  if (missing.length > 0) {
    throw fileError(`the first row of sheet ${spec.name} is not the template header`, { sheet: kind, expected: spec.columns.map((c) => c.header), found, missing });
  }
  return columns;
}

function readSheet(workbook: ExcelJS.Workbook, kind: CatalogueSheet): CatalogueRow[] {
  const spec = SHEETS[kind];
  const sheet = workbook.worksheets.find((w) => [spec.name, spec.nameEn].includes(w.name.trim()));
  if (!sheet) return [];
  const columns = locateColumns(sheet, kind);
  const rows: CatalogueRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Object.fromEntries(Object.entries(columns).map(([field, letter]) => [field, cellText(row.getCell(letter).value)]));
    if (Object.values(cells).every((v) => v === '')) return;
    rows.push({ sheet: kind, row: rowNumber, cells, columns });
  });
  return rows;
}

/**
 * Reads the catalogue import workbook (DEF-2, DEF-3): the 事项目录 and 事项清单 sheets (either may be
 * missing), each with the template's header (columns found by header text, so a workbook of an
 * older template without the English columns still reads). A body that is not an .xlsx workbook, a sheet whose
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
