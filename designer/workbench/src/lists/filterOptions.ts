import type { TFunction } from 'i18next';
import type { CatalogueIndex, OrgDepartment } from '../../../shared/catalogue/CatalogueContext';
import { localName, type Lang } from '../../../shared/i18n';
import type { ViewFilter } from './types';

export interface Option { label: string; value: string }
export interface TreeNode { title: string; value: string; key: string; selectable?: boolean; children?: TreeNode[] }

/** A select filter's choices: its vocabulary's enabled entries, or yes/no when it names none (a flag such as 疑难). */
export function selectOptions(filter: ViewFilter, catalogue: Pick<CatalogueIndex, 'vocabulary'>, lang: Lang, t: TFunction): Option[] {
  if (!filter.vocabulary) return [{ value: 'true', label: t('yes') }, { value: 'false', label: t('no') }];
  return (catalogue.vocabulary(filter.vocabulary)?.entries ?? [])
    .filter((e) => e.enabled !== false)
    .map((e) => ({ value: e.value, label: localName(e, lang) }));
}

/** The item catalogue as a tree: directories (not selectable) holding their sub-directories and enabled items. */
export function itemTree(catalogue: Pick<CatalogueIndex, 'directories' | 'items'>, lang: Lang): TreeNode[] {
  const items = catalogue.items.filter((i) => i.enabled !== false);
  const build = (parent: string | undefined): TreeNode[] => {
    const dirs = catalogue.directories.filter((d) => d.enabled !== false && (d.parent ?? undefined) === parent);
    return dirs.flatMap((d) => {
      const children = [...build(d.id), ...items.filter((i) => i.directory === d.id).map((i) => ({ title: localName(i, lang), value: i.id, key: i.id }))];
      return children.length ? [{ title: localName(d, lang), value: `dir:${d.id}`, key: `dir:${d.id}`, selectable: false, children }] : [];
    });
  };
  const tree = build(undefined);
  const known = new Set(catalogue.directories.map((d) => d.id));
  const loose = items.filter((i) => !known.has(i.directory)).map((i) => ({ title: localName(i, lang), value: i.id, key: i.id }));
  return [...tree, ...loose];
}

/** Departments below `root` (the user's center), or the whole organisation without one. */
export function departmentTree(departments: readonly OrgDepartment[], root: string | null, lang?: Lang): TreeNode[] {
  const children = new Map<string | null, OrgDepartment[]>();
  for (const d of departments) children.set(d.parent, [...(children.get(d.parent) ?? []), d]);
  const build = (parent: string | null): TreeNode[] => (children.get(parent) ?? []).map((d) => {
    const sub = build(d.id);
    return { title: localName(d, lang), value: d.id, key: d.id, ...(sub.length ? { children: sub } : {}) };
  });
  return build(root);
}
