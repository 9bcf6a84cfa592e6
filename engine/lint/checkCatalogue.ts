import type { CatalogueDirectory } from '../../definitions/schemas/index.js';
import { isDisabled, q, type LintContext } from './lintContext.js';

type Directories = Readonly<Record<string, CatalogueDirectory>>;

/** Directory ids from a directory up to its root, self first (a cycle stops the walk). */
function lineage(dirs: Directories, id: string): string[] {
  const ids: string[] = [];
  for (let at: string | undefined = id; at !== undefined && dirs[at] && !ids.includes(at); at = dirs[at]?.parent) ids.push(at);
  return ids;
}

/** The cycle through a directory's parents, starting at the directory; undefined when it has none. */
function cycleThrough(dirs: Directories, id: string): string[] | undefined {
  const ids = lineage(dirs, id);
  const last = ids[ids.length - 1];
  return last !== undefined && dirs[last]?.parent === id ? ids : undefined;
}

/**
 * The catalogue (DEF-2, DEF-3): directory parents form a tree; an enabled item does not sit in a
 * disabled directory; items run in at least one domain (DEF-1) and have unique codes.
 */
export function checkCatalogue(ctx: LintContext): void {
  const dirs = ctx.defs.catalogueDirectory;
  for (const dir of Object.values(dirs)) {
    const ids = cycleThrough(dirs, dir.id);
    if (ids) {
      ctx.report('LINT_DIRECTORY_PARENT_CYCLE', 'catalogueDirectory', dir.id, ['parent'], `catalogue directory ${q(dir.id)} is its own ancestor (${[...ids, dir.id].map(q).join(' → ')})`);
    }
  }

  const codes = new Map<string, string>();
  for (const item of Object.values(ctx.defs.item)) {
    if (!isDisabled(item) && dirs[item.directory]) {
      const disabled = lineage(dirs, item.directory).find((id) => isDisabled(dirs[id]));
      if (disabled !== undefined) {
        ctx.report('LINT_ITEM_IN_DISABLED_DIRECTORY', 'item', item.id, ['directory'],
          `enabled item ${q(item.id)} sits in ${disabled === item.directory ? 'disabled directory' : `directory ${q(item.directory)} below disabled directory`} ${q(disabled)}`);
      }
    }
    if (item.domains.length === 0) {
      ctx.report('LINT_ITEM_IN_NO_DOMAIN', 'item', item.id, ['domains'], `item ${q(item.id)} (${item.name}) is linked to no domain, so no flow can run it`);
    }
    const first = codes.get(item.code);
    if (first !== undefined) {
      ctx.report('LINT_DUPLICATE_ITEM_CODE', 'item', item.id, ['code'], `item ${q(item.id)} has code ${item.code}, already used by item ${q(first)}`);
    } else {
      codes.set(item.code, item.id);
    }
  }
}
