import { canonicalJson } from '../../engine/index.js';
import { AppError } from '../errors.js';
import type { Draft } from './draftRows.js';

/** Kinds edited only while disabled (DEF-2, DEF-3: 停用后编辑/删除). */
const EDIT_WHEN_DISABLED = new Set(['item', 'catalogueDirectory']);

const LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  item: { zh: '事项', en: 'Item' },
  catalogueDirectory: { zh: '事项目录', en: 'Catalogue directory' },
  domain: { zh: '领域', en: 'Domain' },
  flow: { zh: '流程', en: 'Flow' },
};

const enabled = (content: unknown) => (content as { enabled?: unknown } | undefined)?.enabled !== false;

function label(kind: string, id: string): { zh: string; en: string } {
  const names = LABELS[kind];
  return { zh: `${names?.zh ?? kind} ${id} `, en: `${names?.en ?? kind} ${id}` };
}

function refuseEnabled(kind: string, id: string, action: 'edit' | 'delete'): AppError {
  const what = label(kind, id);
  return new AppError('TG_ERR_DEFINITION_ENABLED', {
    what: what.zh, whatEn: what.en, action: action === 'edit' ? '编辑' : '删除', actionEn: action,
  }, { kind, id });
}

/** What still hangs below a directory: child directories (enabled ones only, if asked) and items. */
function dependants(id: string, directories: readonly Draft[], items: readonly Draft[], enabledChildrenOnly: boolean) {
  return {
    children: directories.filter((d) => (d.content as { parent?: string }).parent === id && (!enabledChildrenOnly || enabled(d.content))).map((d) => d.id),
    items: items.filter((i) => (i.content as { directory?: string }).directory === id).map((i) => i.id),
  };
}

function refuseDirectory(id: string, found: { children: string[]; items: string[] }, action: 'disable' | 'delete', enabledChildren: boolean): AppError {
  const zh: string[] = [];
  const en: string[] = [];
  if (found.children.length > 0) {
    zh.push(`${enabledChildren ? '启用的' : ''}下级目录 ${found.children.join('、')}`);
    en.push(`${enabledChildren ? 'enabled ' : ''}child directories ${found.children.join(', ')}`);
  }
  if (found.items.length > 0) {
    zh.push(`关联事项 ${found.items.join('、')}`);
    en.push(`linked items ${found.items.join(', ')}`);
  }
  return new AppError('TG_ERR_DIRECTORY_IN_USE', {
    id, detail: zh.join('，'), detailEn: en.join(' and '), action: action === 'disable' ? '停用' : '删除', actionEn: action === 'disable' ? 'disabled' : 'deleted',
  }, { kind: 'catalogueDirectory', id, ...found });
}

export interface CatalogueContext {
  readonly directories: readonly Draft[];
  readonly items: readonly Draft[];
}

/**
 * The seed's rules for saving a draft (DEF-2, DEF-3): an enabled item or directory may only be
 * disabled (any other change needs it disabled first); a directory is disabled only when its child
 * directories are disabled and no item is linked to it.
 */
export function checkSave(kind: string, id: string, existing: Draft | undefined, next: unknown, ctx: CatalogueContext): void {
  if (existing && EDIT_WHEN_DISABLED.has(kind) && enabled(existing.content)) {
    const unchanged = canonicalJson(next) === canonicalJson(existing.content);
    const onlyDisables = !enabled(next) &&
      canonicalJson({ ...(next as object), enabled: true }) === canonicalJson({ ...(existing.content as object), enabled: true });
    if (!unchanged && !onlyDisables) throw refuseEnabled(kind, id, 'edit');
  }
  if (kind === 'catalogueDirectory' && !enabled(next) && (!existing || enabled(existing.content))) {
    const found = dependants(id, ctx.directories, ctx.items, true);
    if (found.children.length + found.items.length > 0) throw refuseDirectory(id, found, 'disable', true);
  }
}

/** The seed's rules for deleting a draft: items and directories only when disabled, directories only when empty. */
export function checkDelete(kind: string, existing: Draft, ctx: CatalogueContext): void {
  if (EDIT_WHEN_DISABLED.has(kind) && enabled(existing.content)) throw refuseEnabled(kind, existing.id, 'delete');
  if (kind === 'catalogueDirectory') {
    const found = dependants(existing.id, ctx.directories, ctx.items, false);
    if (found.children.length + found.items.length > 0) throw refuseDirectory(existing.id, found, 'delete', false);
  }
}

export function refuseTicketData(kind: string, id: string, count: number): AppError {
  const what = label(kind, id);
  return new AppError('TG_ERR_DEFINITION_HAS_TICKETS', { what: what.zh, whatEn: what.en, count }, { kind, id, count });
}
