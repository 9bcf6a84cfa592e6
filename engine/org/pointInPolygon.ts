import type { Polygon } from '../../definitions/schemas/organisation.js';

/** `[longitude, latitude]` */
export type LngLat = readonly [number, number];

/** Even-odd ray casting over one ring; closing the ring is implicit. */
function inRing(point: LngLat, ring: readonly (readonly [number, number])[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as readonly [number, number];
    const [xj, yj] = ring[j] as readonly [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * True when the point lies inside the polygon's outline and outside its holes. Planar on lng/lat, which
 * is exact enough at grid scale. A point exactly on an edge may fall on either side.
 */
export function pointInPolygon(point: LngLat, polygon: Polygon): boolean {
  const [outline, ...holes] = polygon.coordinates;
  if (!outline || !inRing(point, outline)) return false;
  return !holes.some((hole) => inRing(point, hole));
}
