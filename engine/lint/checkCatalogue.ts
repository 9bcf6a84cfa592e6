import type { CatalogueDirectory } from '../../definitions/schemas/index.js';
import { isDisabled, type LintContext } from './lintContext.js';

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
      ctx.report('LINT_DIRECTORY_PARENT_CYCLE', 'catalogueDirectory', dir.id, ['parent'], { directory: dir.id, cycle: [...ids, dir.id] });
    }
  }

  const codes = new Map<string, string>();
  for (const item of Object.values(ctx.defs.item)) {
    if (!isDisabled(item) && dirs[item.directory]) {
      const disabled = lineage(dirs, item.directory).find((id) => isDisabled(dirs[id]));
      if (disabled !== undefined) {
        ctx.report('LINT_ITEM_IN_DISABLED_DIRECTORY', 'item', item.id, ['directory'],
          { variant: disabled === item.directory ? 'direct' : 'below', item: item.id, directory: item.directory, disabled });
      }
    }
    if (item.domains.length === 0) {
      ctx.report('LINT_ITEM_IN_NO_DOMAIN', 'item', item.id, ['domains'], { item: item.id, name: item.name });
    }
    const first = codes.get(item.code);
    if (first !== undefined) {
      ctx.report('LINT_DUPLICATE_ITEM_CODE', 'item', item.id, ['code'], { item: item.id, code: item.code, first });
    } else {
      codes.set(item.code, item.id);
    }
  }
}
