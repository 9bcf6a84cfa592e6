import { Id } from '../../definitions/schemas/common.js';
import { CatalogueDirectorySchema, ItemSchema, type CatalogueDirectory, type Item } from '../../definitions/schemas/index.js';
import { ProblemList } from './catalogueProblems.js';
import { DirectoryColumns, ENGLISH_FIELDS, ItemColumns, LIST_SEPARATOR, STATUS_VALUES, type CatalogueColumn } from './catalogueSheets.js';
import type { CatalogueRow } from './readCatalogueWorkbook.js';

/** A definition a reference cell may name, by id or by its (unique) name. */
export interface Named {
  readonly id: string;
  readonly name: string;
}

/** What the rows are read against: the drafts as they are now. */
export interface RowContext {
  readonly directories: readonly CatalogueDirectory[];
  readonly items: readonly Item[];
  readonly domains: readonly Named[];
  readonly timeLimits: readonly (Named & { type: string })[];
  readonly forms: readonly Named[];
  /** `<item>@<domain>` of the item-domain links other packages hold. */
  readonly links: ReadonlySet<string>;
}

export interface ParsedRow<T> {
  readonly row: CatalogueRow;
  readonly definition: T;
}

const ID = new RegExp(Id.pattern as string);
const CODE = /^\d{10}$/;
const LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  directory: { zh: '事项目录', en: 'directory' }, domain: { zh: '领域', en: 'domain' }, timeLimit: { zh: '时限', en: 'time limit' }, form: { zh: '表单', en: 'form' },
};

/** The most characters a plain text cell may hold: the definition schema's maxLength (not for ids, codes and references). */
function textLimits(columns: readonly CatalogueColumn[], properties: Readonly<Record<string, unknown>>): ReadonlyMap<string, number> {
  const limits = new Map<string, number>();
  for (const c of columns) {
    const p = properties[c.field] as { type?: string; maxLength?: number; pattern?: string; 'x-ref'?: string } | undefined;
    if (p?.type === 'string' && p.maxLength !== undefined && p.pattern === undefined && p['x-ref'] === undefined) limits.set(c.field, p.maxLength);
  }
  return limits;
}
const DIRECTORY_LIMITS = textLimits(DirectoryColumns, CatalogueDirectorySchema.properties);
const ITEM_LIMITS = textLimits(ItemColumns, ItemSchema.properties);

/**
 * The English texts of a row. Like the Chinese text columns, a filled cell sets the text and an
 * empty cell clears it; a workbook without the column (an older template) keeps what the definition has.
 */
function englishTexts(cells: Readonly<Record<string, string>>, fields: readonly string[], existing: object | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const value = f in cells ? cells[f] : (existing as Record<string, unknown> | undefined)?.[f];
    if (typeof value === 'string' && value !== '') out[f] = value;
  }
  return out;
}

const list = (value: string) => value.split(LIST_SEPARATOR).map((v) => v.trim()).filter((v) => v !== '');

/** Resolves a reference cell: an id, else a unique name. */
function resolve(value: string, pool: readonly Named[]): { id: string } | { error: 'unknown' | 'ambiguous' } {
  if (pool.some((d) => d.id === value)) return { id: value };
  const named = pool.filter((d) => d.name === value);
  if (named.length === 1) return { id: named[0]!.id };
  return { error: named.length === 0 ? 'unknown' : 'ambiguous' };
}

/** Reads the rows of both sheets into definitions; every problem names its sheet, row and column. */
export class RowReader {
  readonly problems = new ProblemList();

  constructor(private readonly ctx: RowContext) {}

  private reference(row: CatalogueRow, field: string, kind: keyof typeof LABELS, value: string, pool: readonly Named[]): string | undefined {
    const found = resolve(value, pool);
    if ('id' in found) return found.id;
    const label = LABELS[kind]!;
    if (found.error === 'ambiguous') {
      this.problems.add(row, field, 'IMPORT_AMBIGUOUS_REFERENCE', `several ${label.en}s are named ${value}; use the id`, `有多个名为“${value}”的${label.zh}，请填写标识。`);
    } else {
      this.problems.add(row, field, 'IMPORT_UNKNOWN_REFERENCE', `${label.en} ${value} does not exist`, `${label.zh}“${value}”不存在。`);
    }
    return undefined;
  }

  private common(row: CatalogueRow, columns: readonly CatalogueColumn[], limits: ReadonlyMap<string, number>): boolean | undefined {
    for (const c of columns) {
      const value = row.cells[c.field] ?? '';
      if (c.required && value === '' && c.field !== 'id') {
        this.problems.add(row, c.field, 'IMPORT_REQUIRED', `${c.field} is required`, `${c.header.replace(/^\*/, '').replace(/\(.*$/, '')}为必填项。`);
      }
      const max = limits.get(c.field);
      const length = [...value].length;
      if (max !== undefined && length > max) {
        this.problems.add(row, c.field, 'IMPORT_TOO_LONG', `${c.headerEn} has ${length} characters, at most ${max} are allowed`,
          `${c.header.replace(/^\*/, '').replace(/\(.*$/, '')}最多 ${max} 个字符，现有 ${length} 个。`);
      }
    }
    const status = row.cells.status ?? '';
    if (status !== '' && status !== STATUS_VALUES.enabled && status !== STATUS_VALUES.disabled) {
      this.problems.add(row, 'status', 'IMPORT_STATUS', 'status must be 启用 or 停用', '状态只能填写“启用”或“停用”。');
    }
    return status === STATUS_VALUES.enabled;
  }

  private checkId(row: CatalogueRow, id: string, seen: Map<string, number>, what: string): boolean {
    if (!ID.test(id) || id.length > 80) {
      this.problems.add(row, 'id', 'IMPORT_ID_FORMAT', 'the id may hold letters, digits, dot, dash and underscore (at most 80)', `${what}标识只能包含字母、数字、点、短横线和下划线（不超过 80 个字符）。`);
      return false;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      this.problems.add(row, 'id', 'IMPORT_DUPLICATE_ID', `id ${id} is also used in row ${first}`, `${what}标识 ${id} 与第 ${first} 行重复。`);
      return false;
    }
    seen.set(id, row.row);
    return true;
  }

  /** 事项目录 rows: a parent is a directory of the drafts or of this sheet. */
  directories(rows: readonly CatalogueRow[]): ParsedRow<CatalogueDirectory>[] {
    const seen = new Map<string, number>();
    const fileIds = new Set(rows.map((r) => r.cells.id ?? '').filter((id) => id !== ''));
    const pool: Named[] = [
      ...this.ctx.directories.filter((d) => !fileIds.has(d.id)).map((d) => ({ id: d.id, name: d.name })),
      ...rows.filter((r) => r.cells.id && r.cells.name).map((r) => ({ id: r.cells.id!, name: r.cells.name! })),
    ];
    const out: ParsedRow<CatalogueDirectory>[] = [];
    for (const row of rows) {
      const c = row.cells as Record<string, string>;
      const enabled = this.common(row, DirectoryColumns, DIRECTORY_LIMITS);
      const idOk = c.id !== '' && this.checkId(row, c.id!, seen, '目录');
      let parent: string | undefined;
      if (c.parent !== '') {
        parent = this.reference(row, 'parent', 'directory', c.parent!, pool);
        if (parent !== undefined && parent === c.id) {
          this.problems.add(row, 'parent', 'IMPORT_OWN_PARENT', 'a directory cannot be its own parent', '上级目录不能是目录自身。');
        }
      }
      if (!idOk || this.problems.has(row)) continue;
      const english = englishTexts(c, ENGLISH_FIELDS.directories, this.ctx.directories.find((d) => d.id === c.id));
      out.push({
        row,
        definition: {
          id: c.id!, name: c.name!, ...english, ...(parent ? { parent } : {}), ...(c.version ? { version: c.version } : {}),
          enabled: enabled === true, ...(c.description ? { description: c.description } : {}),
        },
      });
    }
    return out;
  }

  /** 事项清单 rows: codes unique in the file and among the other items, references to drafts or to the 事项目录 sheet. */
  items(rows: readonly CatalogueRow[], fileDirectories: readonly Named[]): ParsedRow<Item>[] {
    const seen = new Map<string, number>();
    const codes = new Map<string, number>();
    const fileIds = new Set(fileDirectories.map((d) => d.id));
    const directories = [...this.ctx.directories.filter((d) => !fileIds.has(d.id)).map((d) => ({ id: d.id, name: d.name })), ...fileDirectories];
    const out: ParsedRow<Item>[] = [];
    for (const row of rows) {
      const c = row.cells as Record<string, string>;
      const enabled = this.common(row, ItemColumns, ITEM_LIMITS);
      let codeOk = false;
      if (c.code !== '') {
        const first = codes.get(c.code!);
        if (!CODE.test(c.code!)) this.problems.add(row, 'code', 'IMPORT_CODE_FORMAT', 'the code has exactly 10 digits, e.g. 2000000001', '清单编码须为 10 位数字，例如 2000000001。');
        else if (first !== undefined) this.problems.add(row, 'code', 'IMPORT_DUPLICATE_CODE', `code ${c.code} is also used in row ${first}`, `清单编码 ${c.code} 与第 ${first} 行重复。`);
        else codeOk = true;
        if (first === undefined) codes.set(c.code!, row.row);
      }
      const id = c.id !== '' ? c.id! : codeOk ? `item.${c.code}` : '';
      const idOk = id !== '' && this.checkId(row, id, seen, '事项');
      if (codeOk && idOk) {
        const holder = this.ctx.items.find((i) => i.code === c.code && i.id !== id);
        if (holder) this.problems.add(row, 'code', 'IMPORT_CODE_TAKEN', `code ${c.code} belongs to item ${holder.id} (${holder.name})`, `清单编码 ${c.code} 已被事项“${holder.name}”（${holder.id}）使用。`);
      }
      const directory = c.directory !== '' ? this.reference(row, 'directory', 'directory', c.directory!, directories) : undefined;
      const domains = list(c.domains ?? '').map((d) => this.reference(row, 'domains', 'domain', d, this.ctx.domains));
      let overallLimit: string | undefined;
      if (c.overallLimit !== '') {
        overallLimit = this.reference(row, 'overallLimit', 'timeLimit', c.overallLimit!, this.ctx.timeLimits);
        const limit = this.ctx.timeLimits.find((l) => l.id === overallLimit);
        if (limit && limit.type !== 'overall') {
          this.problems.add(row, 'overallLimit', 'IMPORT_NOT_OVERALL_LIMIT', `time limit ${limit.name} is a stage limit, not an overall one`, `时限“${limit.name}”是环节时限，不能作为整体时限。`);
        }
      }
      const form = c.form !== '' ? this.reference(row, 'form', 'form', c.form!, this.ctx.forms) : undefined;
      if (!idOk || this.problems.has(row)) continue;
      const existing = this.ctx.items.find((i) => i.id === id);
      const linked = (domain: string) => this.ctx.links.has(`${id}@${domain}`);
      const keywords = list(c.keywords ?? '');
      const {
        region: _r, description: _d, legalBasis: _l, handlingStandard: _h, form: _f, keywords: _k,
        nameEn: _ne, descriptionEn: _de, legalBasisEn: _le, handlingStandardEn: _he, ...kept
      } = existing ?? { dispatch: [] as Item['dispatch'] };
      out.push({
        row,
        definition: {
          ...kept, id, directory: directory!, code: c.code!, name: c.name!, enabled: enabled === true, ...englishTexts(c, ENGLISH_FIELDS.items, existing),
          ...(c.region ? { region: c.region } : {}), ...(c.description ? { description: c.description } : {}),
          ...(c.legalBasis ? { legalBasis: c.legalBasis } : {}), ...(c.handlingStandard ? { handlingStandard: c.handlingStandard } : {}),
          ...(form ? { form } : {}),
          domains: [...new Set(domains as string[])].filter((d) => !linked(d)).map((domain) => (overallLimit ? { domain, overallLimit } : { domain })),
          ...(keywords.length > 0 ? { keywords } : {}),
        } as Item,
      });
    }
    return out;
  }
}
