import { api } from '../../../../shared/api/client';

export interface GridShape {
  id: string;
  name: string;
  community: string;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | null;
  keywords: string[];
  enabled: boolean;
}

let cache: Promise<GridShape[]> | undefined;

/** GET /api/org/grids once per page: the grids in the user's scope with polygons and address keywords. */
export function loadGridShapes(): Promise<GridShape[]> {
  cache ??= api.get<{ grids: GridShape[] }>('/api/org/grids').then((r) => r.grids.filter((g) => g.enabled), (e) => { cache = undefined; throw e; });
  return cache;
}

/** Ray casting over the outer ring (as engine/org/pointInPolygon does for grids). */
export function pointInRing(lng: number, lat: number, ring: readonly number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if ((yi > lat) !== (yj > lat) && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/**
 * ACC-1 grid from the event's location, the runtime's rule (engine/org/resolveGrid.ts) on the client:
 * the polygon containing the map point first, then the grid with the longest keyword the address contains.
 */
export function resolveGridOf(grids: readonly GridShape[], point?: { lng?: number; lat?: number }, address?: string): GridShape | undefined {
  if (point && typeof point.lng === 'number' && typeof point.lat === 'number') {
    const hit = grids.find((g) => g.geometry && pointInRing(point.lng!, point.lat!, g.geometry.coordinates[0] ?? []));
    if (hit) return hit;
  }
  const text = norm(address ?? '');
  if (!text) return undefined;
  let best: { grid: GridShape; length: number } | undefined;
  for (const g of grids) {
    for (const k of g.keywords) {
      const kn = norm(k);
      if (kn && text.includes(kn) && (!best || kn.length > best.length)) best = { grid: g, length: kn.length };
    }
  }
  return best?.grid;
}
