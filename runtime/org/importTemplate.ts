import ExcelJS from 'exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ImportField = 'name' | 'login' | 'gender' | 'department' | 'phone';

export interface ImportColumn {
  readonly column: string;
  readonly field: ImportField;
  /** Header text of the seed's template (4.1.1 用户导入模板); `*` marks a required column. */
  readonly header: string;
  /** The header's name without the `*` and the hint, for messages. */
  readonly label: string;
  readonly width: number;
}

/** The user import template's columns (ORG-3), in sheet order. */
export const ImportColumns: readonly ImportColumn[] = [
  { column: 'A', field: 'name', header: '*用户名', label: '用户名', width: 16 },
  { column: 'B', field: 'login', header: '*登录名称', label: '登录名称', width: 18 },
  { column: 'C', field: 'gender', header: '*性别(男/女)', label: '性别', width: 12 },
  { column: 'D', field: 'department', header: '*所属部门(全路径)', label: '所属部门', width: 48 },
  { column: 'E', field: 'phone', header: '*个人电话', label: '个人电话', width: 16 },
];

/** The example row the seed's template ships with. */
export const ImportExample: Readonly<Record<ImportField, string>> = {
  name: '网管员', login: 'web', gender: '男', department: '江苏省-苏州市-张家港市-凤凰镇-西张社区', phone: '13977777777',
};

export const IMPORT_SHEET_NAME = '用户导入';
export const TEMPLATE_FILE_NAME = '用户导入模板.xlsx';

/** Rows the template prepares (gender list, text phone numbers); more rows may be typed in. */
const PREPARED_ROWS = 1000;

/** The user import template (ORG-3): the header row and one example row, gender as a 男/女 list, phone as text. */
export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tongguan';
  const sheet = workbook.addWorksheet(IMPORT_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ImportColumns.map((c) => ({ key: c.field, width: c.width, style: { numFmt: '@' } }));
  const header = sheet.addRow(ImportColumns.map((c) => c.header));
  header.font = { bold: true };
  sheet.addRow(ImportColumns.map((c) => ImportExample[c.field]));
  const gender = sheet.getColumn('C');
  for (let r = 2; r <= PREPARED_ROWS + 1; r += 1) {
    sheet.getCell(`${gender.letter}${r}`).dataValidation = {
      type: 'list', allowBlank: true, formulae: ['"男,女"'], showErrorMessage: true, error: '请选择“男”或“女”',
    };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
