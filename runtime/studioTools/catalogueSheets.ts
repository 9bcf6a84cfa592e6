/** Which sheet of the catalogue import a row comes from (DEF-2 directories, DEF-3 items). */
export type CatalogueSheet = 'directories' | 'items';

export type DirectoryField = 'id' | 'name' | 'parent' | 'version' | 'status' | 'description' | 'nameEn';
export type ItemField =
  | 'id' | 'code' | 'name' | 'directory' | 'status' | 'region' | 'description' | 'legalBasis' | 'handlingStandard'
  | 'domains' | 'overallLimit' | 'form' | 'keywords' | 'nameEn' | 'descriptionEn' | 'legalBasisEn' | 'handlingStandardEn';

export interface CatalogueColumn<F extends string = string> {
  readonly column: string;
  readonly field: F;
  /** Header text; `*` marks a required column. */
  readonly header: string;
  readonly headerEn: string;
  readonly required: boolean;
  readonly width: number;
  /**
   * The column may be missing from a workbook (added after the first template): its field is then
   * absent from the rows and an existing definition keeps its value. A present but empty cell clears it.
   */
  readonly mayBeAbsent?: boolean;
}

const col = <F extends string>(column: string, field: F, label: string, headerEn: string, required: boolean, width: number): CatalogueColumn<F> =>
  ({ column, field, header: `${required ? '*' : ''}${label}`, headerEn, required, width });
/** An English text column, after the Chinese ones so that the columns of older workbooks keep their letters. */
const en = <F extends string>(column: string, field: F, label: string, headerEn: string, width: number): CatalogueColumn<F> =>
  ({ ...col(column, field, label, headerEn, false, width), mayBeAbsent: true });

/** 事项目录 sheet: one directory per row; the parent is an id or a name, in the drafts or higher up in this sheet. */
export const DirectoryColumns: readonly CatalogueColumn<DirectoryField>[] = [
  col('A', 'id', '目录标识', 'Directory id', true, 22),
  col('B', 'name', '事项目录名称', 'Name', true, 20),
  col('C', 'parent', '上级目录(标识或名称)', 'Parent (id or name)', false, 22),
  col('D', 'version', '版本', 'Version', false, 10),
  col('E', 'status', '目录状态(启用/停用)', 'Status', true, 16),
  col('F', 'description', '事项目录描述', 'Description', false, 40),
  en('G', 'nameEn', '英文名称', 'Name (English)', 24),
];

/** 事项清单 sheet: one item per row; the id defaults to item.<code>. */
export const ItemColumns: readonly CatalogueColumn<ItemField>[] = [
  col('A', 'id', '事项标识(空则为 item.编码)', 'Item id (default item.<code>)', false, 22),
  col('B', 'code', '清单编码(10位数字)', 'Code (10 digits)', true, 16),
  col('C', 'name', '清单名称', 'Name', true, 20),
  col('D', 'directory', '所属目录(标识或名称)', 'Directory (id or name)', true, 20),
  col('E', 'status', '清单状态(启用/停用)', 'Status', true, 16),
  col('F', 'region', '行政区划', 'Administrative region', false, 12),
  col('G', 'description', '清单描述', 'Description', false, 36),
  col('H', 'legalBasis', '法律依据', 'Legal basis', false, 36),
  col('I', 'handlingStandard', '事件处置标准', 'Handling standard', false, 36),
  col('J', 'domains', '关联领域(标识或名称，多个用、分隔)', 'Domains (ids or names, separated by 、)', true, 20),
  col('K', 'overallLimit', '整体时限(标识或名称)', 'Overall time limit (id or name)', false, 18),
  col('L', 'form', '个性化表单(标识或名称)', 'Personalised form (id or name)', false, 18),
  col('M', 'keywords', '关键词(用、分隔)', 'Keywords (separated by 、)', false, 20),
  en('N', 'nameEn', '英文清单名称', 'Name (English)', 24),
  en('O', 'descriptionEn', '英文清单描述', 'Description (English)', 36),
  en('P', 'legalBasisEn', '英文法律依据', 'Legal basis (English)', 36),
  en('Q', 'handlingStandardEn', '英文事件处置标准', 'Handling standard (English)', 36),
];

/** The English text fields of each sheet (optional columns; see `mayBeAbsent`). */
export const ENGLISH_FIELDS = {
  directories: ['nameEn'],
  items: ['nameEn', 'descriptionEn', 'legalBasisEn', 'handlingStandardEn'],
} as const satisfies Readonly<Record<CatalogueSheet, readonly string[]>>;

export const SHEETS: Readonly<Record<CatalogueSheet, { readonly name: string; readonly nameEn: string; readonly columns: readonly CatalogueColumn[] }>> = {
  directories: { name: '事项目录', nameEn: 'Directories', columns: DirectoryColumns },
  items: { name: '事项清单', nameEn: 'Items', columns: ItemColumns },
};

export const REFERENCE_SHEET = '可选值';
export const CATALOGUE_TEMPLATE_FILE = '事项目录与清单导入模板.xlsx';
export const STATUS_VALUES = { enabled: '启用', disabled: '停用' } as const;
/** Separators of a multi-value cell (domains, keywords). */
export const LIST_SEPARATOR = /[、,，;；\n]+/;
