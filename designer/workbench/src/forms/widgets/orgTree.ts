import type { OrgDepartment } from '../../../../shared/catalogue/CatalogueContext';

/** Whether department `id` is `root` or lies below it. */
export function isWithin(departments: readonly OrgDepartment[], id: string, root: string): boolean {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const seen = new Set<string>();
  for (let d = byId.get(id); d && !seen.has(d.id); d = d.parent ? byId.get(d.parent) : undefined) {
    if (d.id === root) return true;
    seen.add(d.id);
  }
  return false;
}

/**
 * Regions with a code at and below a center (行政区划 shown by center level), outermost first. A
 * center with no coded region of its own (a town without a code) gets the nearest coded one above it.
 */
export function regionsOf(departments: readonly OrgDepartment[], center: string | null | undefined): OrgDepartment[] {
  const coded = departments.filter((d) => d.kind === 'region' && d.regionCode);
  const within = coded.filter((d) => !center || isWithin(departments, d.id, center));
  if (within.length || !center) return within;
  const byId = new Map(departments.map((d) => [d.id, d]));
  const seen = new Set<string>();
  for (let d = byId.get(center); d && !seen.has(d.id); d = d.parent ? byId.get(d.parent) : undefined) {
    if (d.kind === 'region' && d.regionCode) return [d];
    seen.add(d.id);
  }
  return [];
}

export interface GridOption { id: string; name: string; community: string }

/** The grids of communities at or below `root` (the user's center, or the chosen region). */
export function gridsWithin(departments: readonly OrgDepartment[], grids: readonly GridOption[], root: string | null | undefined): GridOption[] {
  return root ? grids.filter((g) => isWithin(departments, g.community, root)) : [...grids];
}
