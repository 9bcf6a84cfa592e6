import type { CatalogueDirectory, Item } from '../../definitions/schemas/index.js';
import { canonicalJson, createBundle, lintBundle, validateDefinition } from '../../engine/index.js';
import type { SessionUser } from '../auth/authService.js';
import { defaultFile, LINK_KIND, locateFinding, MANIFEST_KIND, sourcesFromDrafts, type Draft } from '../definitions/draftRows.js';
import { checkSave } from '../definitions/draftRules.js';
import type { DraftStore, StoredDraft } from '../definitions/draftStore.js';
import { AppError } from '../errors.js';
import type { CatalogueProblem } from './catalogueProblems.js';
import { RowReader, type ParsedRow, type RowContext } from './catalogueRows.js';
import type { CatalogueSheet } from './catalogueSheets.js';
import { buildCatalogueTemplate } from './catalogueTemplate.js';
import { readCatalogueWorkbook, type CatalogueRow } from './readCatalogueWorkbook.js';

export type ImportAction = 'create' | 'update' | 'unchanged';

/** What one row does (or would do, in a dry run). */
export interface ImportEntry {
  readonly sheet: CatalogueSheet;
  readonly row: number;
  readonly kind: 'catalogueDirectory' | 'item';
  readonly id: string;
  readonly name: string;
  /** The English name the definition will have (absent when it has none). */
  readonly nameEn?: string;
  readonly code?: string;
  readonly action: ImportAction;
}

export interface CatalogueImportResult {
  readonly dryRun: boolean;
  /** True when every row is valid (a dry run reports the errors instead of refusing). */
  readonly ok: boolean;
  /** The package new definitions join. */
  readonly package: string;
  readonly entries: readonly ImportEntry[];
  readonly counts: Readonly<Record<ImportAction, number>>;
  readonly errors: readonly CatalogueProblem[];
}

export interface ImportOptions {
  readonly dryRun?: boolean;
  readonly package?: string;
}

const DEFAULT_PACKAGE = 'linkage';
const contentOf = <T>(drafts: readonly StoredDraft[], kind: string) => drafts.filter((d) => d.kind === kind).map((d) => d.content as T);
const named = (d: { id: string; name?: string; title?: string }) => ({ id: d.id, name: d.name ?? d.title ?? d.id });

function rowContext(drafts: readonly StoredDraft[]): RowContext {
  return {
    directories: contentOf<CatalogueDirectory>(drafts, 'catalogueDirectory'),
    items: contentOf<Item>(drafts, 'item'),
    domains: contentOf<{ id: string; name: string }>(drafts, 'domain').map(named),
    timeLimits: contentOf<{ id: string; name: string; type: string }>(drafts, 'timeLimit').map((l) => ({ ...named(l), type: l.type })),
    forms: contentOf<{ id: string; name?: string }>(drafts, 'form').map(named),
    links: new Set(drafts.filter((d) => d.kind === LINK_KIND).map((d) => d.id)),
  };
}

/** The first segment of a pointer below a definition: `/3/code` of a list file → `code`. */
function fieldOf(pointer: string, inList: boolean): string {
  const tokens = pointer.split('/').slice(inList ? 2 : 1);
  return tokens[0] ?? '';
}

/**
 * Catalogue import from a spreadsheet (DEF-2, DEF-3; the seed's 事项目录/事项清单 模板导入): every
 * row is checked (cells, references, duplicate codes, the definition schemas, the seed's
 * edit-when-disabled rules and the bundle lint of the result) and every problem is reported with
 * sheet, row and column. Nothing is written when any row fails, nor in a dry run. The import
 * writes the definition drafts, which the studio then lints and publishes.
 *
 * Each cell of a row sets its field; an empty optional cell clears it (the row is the whole
 * definition as the sheet shows it). The English text columns (nameEn; descriptionEn, legalBasisEn,
 * handlingStandardEn of items) follow the same rule; only a workbook without such a column (made
 * from an older template) leaves the English text of an existing definition as it is.
 */
export class CatalogueImport {
  constructor(private readonly store: DraftStore, private readonly clock: () => number) {}

  async template(): Promise<Buffer> {
    await this.store.ensureSeeded();
    const drafts = await this.store.all();
    const ctx = rowContext(drafts);
    return buildCatalogueTemplate({
      directories: ctx.directories, items: ctx.items, domains: ctx.domains,
      overallLimits: ctx.timeLimits.filter((l) => l.type === 'overall'), forms: ctx.forms,
    });
  }

  async run(user: SessionUser, body: Buffer, options: ImportOptions = {}): Promise<CatalogueImportResult> {
    const workbook = await readCatalogueWorkbook(body);
    const pkg = options.package ?? DEFAULT_PACKAGE;
    const dryRun = options.dryRun === true;
    await this.store.ensureSeeded();
    return this.store.write(async (trx) => {
      const drafts = await this.store.all(trx);
      if (!drafts.some((d) => d.kind === MANIFEST_KIND && d.id === pkg)) {
        throw new AppError('TG_ERR_VALIDATION', { detail: `package ${pkg} does not exist` }, [{ pointer: '/package', message: 'unknown package' }]);
      }
      const reader = new RowReader(rowContext(drafts));
      const directories = reader.directories(workbook.directories);
      const items = reader.items(workbook.items, workbook.directories.filter((r) => r.cells.id && r.cells.name).map((r) => ({ id: r.cells.id!, name: r.cells.name! })));
      const parsed: { kind: 'catalogueDirectory' | 'item'; rows: ParsedRow<CatalogueDirectory | Item>[] }[] = [
        { kind: 'catalogueDirectory', rows: directories }, { kind: 'item', rows: items },
      ];
      const next = this.apply(drafts, parsed, pkg);
      const entries: ImportEntry[] = [];
      for (const { kind, rows } of parsed) {
        for (const { row, definition } of rows) {
          for (const f of validateDefinition(kind, definition, '', '')) {
            reader.problems.add(row, fieldOf(f.pointer, false), 'IMPORT_SCHEMA', `${f.pointer} ${f.message}`, `不符合${kind === 'item' ? '事项清单' : '事项目录'}的定义格式：${f.pointer} ${f.message}`);
          }
          const existing = drafts.find((d) => d.kind === kind && d.id === definition.id);
          // a new definition is created as it is (the seed suggests importing disabled, then enabling)
          if (existing) this.checkRules(reader, row, kind, existing, definition, next);
          const action: ImportAction = !existing ? 'create' : canonicalJson(existing.content) === canonicalJson(definition) ? 'unchanged' : 'update';
          entries.push({
            sheet: row.sheet, row: row.row, kind, id: definition.id, name: definition.name, ...(definition.nameEn ? { nameEn: definition.nameEn } : {}),
            ...('code' in definition ? { code: definition.code } : {}), action,
          });
        }
      }
      if (reader.problems.problems.length === 0) this.checkBundle(reader, next, parsed);

      const errors = reader.problems.sorted();
      const counts = { create: 0, update: 0, unchanged: 0 };
      for (const e of entries) counts[e.action] += 1;
      const result: CatalogueImportResult = { dryRun, ok: errors.length === 0, package: pkg, entries: errors.length === 0 ? entries : [], counts, errors };
      if (errors.length > 0 && !dryRun) {
        const failedRows = new Set(errors.map((p) => `${p.sheet}/${p.row}`)).size;
        const total = workbook.directories.length + workbook.items.length;
        throw new AppError('TG_ERR_VALIDATION', { detail: `${failedRows} of ${total} rows have errors; nothing was imported` }, { errors });
      }
      if (dryRun || errors.length > 0) return result;
      const now = this.clock();
      for (const d of next) {
        const entry = entries.find((e) => e.kind === d.kind && e.id === d.id);
        if (entry && entry.action !== 'unchanged') await this.store.save(trx, d, user.id, now);
      }
      return result;
    });
  }

  /** The drafts as they would be after the import: changed definitions in place, new ones in the package's file. */
  private apply(drafts: readonly StoredDraft[], parsed: readonly { kind: string; rows: ParsedRow<{ id: string }>[] }[], pkg: string): Draft[] {
    const next: Draft[] = [...drafts];
    for (const { kind, rows } of parsed) {
      for (const { definition } of rows) {
        const at = next.findIndex((d) => d.kind === kind && d.id === definition.id);
        if (at >= 0) {
          next[at] = { ...next[at]!, content: definition };
          continue;
        }
        const siblings = next.filter((d) => d.package === pkg);
        const file = defaultFile(kind, definition.id, siblings);
        const position = Math.max(-1, ...siblings.filter((d) => d.file === file).map((d) => d.position)) + 1;
        next.push({ kind, id: definition.id, package: pkg, file, position, content: definition });
      }
    }
    return next;
  }

  /** The seed's rules of the draft editor (enabled items and directories are edited only after disabling …). */
  private checkRules(reader: RowReader, row: CatalogueRow, kind: string, existing: StoredDraft, definition: unknown, next: readonly Draft[]): void {
    try {
      checkSave(kind, (definition as { id: string }).id, existing, definition, {
        directories: next.filter((d) => d.kind === 'catalogueDirectory'), items: next.filter((d) => d.kind === 'item'),
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      reader.problems.add(row, 'status', 'IMPORT_RULE', e.message, e.messageZh);
    }
  }

  /** Builds and lints the drafts after the import; errors on an imported definition land on its row. */
  private checkBundle(reader: RowReader, next: readonly Draft[], parsed: readonly { kind: string; rows: ParsedRow<{ id: string }>[] }[]): void {
    const { sources, index } = sourcesFromDrafts(next);
    const { bundle, findings } = createBundle(sources);
    const all = [...findings, ...(bundle ? lintBundle(bundle) : [])].filter((f) => f.severity === 'error');
    for (const f of all) {
      const located = locateFinding(f, index);
      const def = located.definition;
      if (!def) continue;
      const hit = parsed.find((p) => p.kind === def.kind)?.rows.find((r) => r.definition.id === def.id);
      if (!hit) continue;
      const inList = !(f.file && index.has(`${f.file}#`));
      reader.problems.add(hit.row, fieldOf(f.pointer, inList), f.code, f.message, `定义检查未通过（${f.code}）：${f.message}`);
    }
  }
}
