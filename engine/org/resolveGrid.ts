import type { Grid } from '../../definitions/schemas/organisation.js';
import type { OrgIndex } from './buildOrgIndex.js';
import { isWithin } from './departmentPath.js';
import { pointInPolygon, type LngLat } from './pointInPolygon.js';

export interface GridQuery {
  /** Map point `[lng, lat]` of the event. */
  readonly point?: LngLat;
  /** Event address text. */
  readonly address?: string;
  /** Only grids of communities at or below this department (e.g. the registering center). */
  readonly within?: string;
}

export interface GridResolution {
  /** The chosen grid: the first candidate in definition order. */
  readonly grid: Grid;
  /** How it was found: the point lies in its polygon, or the address contains one of its keywords. */
  readonly by: 'point' | 'keyword';
  /** The keyword that matched (by keyword only). */
  readonly keyword?: string;
  /** Every grid that matched equally well, the chosen one first; more than one means ambiguous. */
  readonly candidates: readonly Grid[];
}

/** Addresses and keywords compare without whitespace and case. */
function normalise(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

function byPoint(org: OrgIndex, grids: readonly Grid[], point: LngLat): Grid[] {
  const [lng, lat] = point;
  return grids.filter((grid) => {
    const box = org.gridBoxes.get(grid.id);
    if (!grid.geometry || !box) return false;
    if (lng < box[0] || lat < box[1] || lng > box[2] || lat > box[3]) return false;
    return pointInPolygon(point, grid.geometry);
  });
}

/** Grids whose longest keyword contained in the address is the longest of all. */
function byKeyword(grids: readonly Grid[], address: string): { keyword: string; grids: Grid[] } | undefined {
  const text = normalise(address);
  if (text === '') return undefined;
  let best: { keyword: string; grids: Grid[] } | undefined;
  for (const grid of grids) {
    let mine: string | undefined;
    for (const keyword of grid.keywords ?? []) {
      const k = normalise(keyword);
      if (k !== '' && text.includes(k) && (mine === undefined || k.length > mine.length)) mine = keyword;
    }
    if (mine === undefined) continue;
    const length = normalise(mine).length;
    const bestLength = best ? normalise(best.keyword).length : -1;
    if (length > bestLength) best = { keyword: mine, grids: [grid] };
    else if (length === bestLength && best) best.grids.push(grid);
  }
  return best;
}

/**
 * Resolve an event's location to its grid (ORG-4, ACC-1): the map point first (the polygon containing
 * it), then the address (the grid with the longest keyword the address contains). Disabled grids are
 * skipped. Undefined when nothing matches; the acceptor then picks the grid by hand.
 */
export function resolveGrid(org: OrgIndex, query: GridQuery): GridResolution | undefined {
  const within = query.within;
  const grids = [...org.grids.values()].filter(
    (g) => g.enabled && (within === undefined || isWithin(org, g.community, within)),
  );
  if (query.point) {
    const hits = byPoint(org, grids, query.point);
    const first = hits[0];
    if (first) return { grid: first, by: 'point', candidates: hits };
  }
  if (query.address !== undefined) {
    const hit = byKeyword(grids, query.address);
    const first = hit?.grids[0];
    if (hit && first) return { grid: first, by: 'keyword', keyword: hit.keyword, candidates: hit.grids };
  }
  return undefined;
}
