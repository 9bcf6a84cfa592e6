import { SHEETS, type CatalogueSheet } from './catalogueSheets.js';
import type { CatalogueRow } from './readCatalogueWorkbook.js';

export type CatalogueProblemCode =
  | 'IMPORT_REQUIRED' | 'IMPORT_STATUS' | 'IMPORT_ID_FORMAT' | 'IMPORT_CODE_FORMAT' | 'IMPORT_DUPLICATE_ID' | 'IMPORT_DUPLICATE_CODE'
  | 'IMPORT_CODE_TAKEN' | 'IMPORT_UNKNOWN_REFERENCE' | 'IMPORT_AMBIGUOUS_REFERENCE' | 'IMPORT_NOT_OVERALL_LIMIT' | 'IMPORT_OWN_PARENT'
  | 'IMPORT_TOO_LONG' | 'IMPORT_SCHEMA' | 'IMPORT_RULE' | 'IMPORT_BUNDLE';

/** A problem in one cell (STYLE 5: findings are data); sheet, row and column as the uploaded spreadsheet shows them. */
export interface CatalogueProblem {
  readonly sheet: CatalogueSheet;
  /** The sheet's name in the workbook (事项目录 / 事项清单). */
  readonly sheetName: string;
  readonly row: number;
  readonly column: string;
  readonly field: string;
  /** The column's header without the `*`. */
  readonly header: string;
  readonly headerEn: string;
  readonly code: CatalogueProblemCode | string;
  readonly message: string;
  readonly messageZh: string;
  readonly value: string;
}

/** Collects the problems of rows, each at the column of its field. */
export class ProblemList {
  readonly problems: CatalogueProblem[] = [];

  add(row: CatalogueRow, field: string, code: CatalogueProblem['code'], message: string, messageZh: string): void {
    const spec = SHEETS[row.sheet];
    const column = spec.columns.find((c) => c.field === field && row.columns[c.field]) ?? spec.columns[0]!;
    this.problems.push({
      sheet: row.sheet, sheetName: spec.name, row: row.row, column: row.columns[column.field] ?? column.column, field: column.field,
      header: column.header.replace(/^\*/, ''), headerEn: column.headerEn, code, message, messageZh, value: row.cells[column.field] ?? '',
    });
  }

  /** Whether a row already has a problem (later checks of the row are then skipped). */
  has(row: CatalogueRow): boolean {
    return this.problems.some((p) => p.sheet === row.sheet && p.row === row.row);
  }

  sorted(): CatalogueProblem[] {
    const order = (s: CatalogueSheet) => (s === 'directories' ? 0 : 1);
    return [...this.problems].sort((a, b) => order(a.sheet) - order(b.sheet) || a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  }
}
