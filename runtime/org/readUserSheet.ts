import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { ImportColumns, XLSX_CONTENT_TYPE, type ImportField } from './importTemplate.js';

/** One filled-in row of the import sheet; `row` is the spreadsheet row number (the header is row 1). */
export interface SheetRow {
  readonly row: number;
  readonly cells: Readonly<Record<ImportField, string>>;
}

/** More rows than this are refused as a whole: split the file. */
export const MAX_IMPORT_ROWS = 5000;

function fileError(reason: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('TG_ERR_IMPORT_FILE', {}, { reason, ...extra });
}

/** The text a person sees in a cell: numbers typed into the phone column, rich text, links and formula results included. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  return '';
}

const normalise = (header: string) => header.replace(/[*＊\s]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/／/g, '/');

/**
 * Reads the user import sheet (ORG-3): the first worksheet, its header row checked against the
 * template, then every row that has any value. A body that is not an .xlsx file, or a sheet that is
 * not the template, is a TG_ERR_IMPORT_FILE with the reason in the details.
 */
export async function readUserSheet(body: unknown): Promise<SheetRow[]> {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw fileError(`send the .xlsx file as the request body with content-type ${XLSX_CONTENT_TYPE}`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch {
    throw fileError('the body is not a readable .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileError('the workbook has no worksheet');
  const header = sheet.getRow(1);
  const found = ImportColumns.map((c) => cellText(header.getCell(c.column).value));
  if (ImportColumns.some((c, i) => normalise(found[i] ?? '') !== normalise(c.header))) {
    throw fileError('the first row is not the template header', { expected: ImportColumns.map((c) => c.header), found });
  }
  const rows: SheetRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1 || tooMany) return;
    const cells = Object.fromEntries(ImportColumns.map((c) => [c.field, cellText(row.getCell(c.column).value)])) as Record<ImportField, string>;
    if (Object.values(cells).every((v) => v === '')) return;
    if (rows.length >= MAX_IMPORT_ROWS) tooMany = true;
    else rows.push({ row: rowNumber, cells });
  });
  if (tooMany) throw fileError(`the file has more than ${MAX_IMPORT_ROWS} user rows; split it`, { maxRows: MAX_IMPORT_ROWS });
  if (rows.length === 0) throw fileError('the file has no user rows below the header');
  return rows;
}
