import type { Grid, Polygon } from '../../definitions/schemas/index.js';
import type { OrgDefinitions } from '../../engine/org/index.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import { orgReader } from './orgAccess.js';
import { assertIdFree, newId, writeOrg, type OrgServices } from './orgWrite.js';

export interface GridView {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly community: string;
  readonly geometry: Polygon | null;
  readonly keywords: readonly string[];
  readonly enabled: boolean;
}

export interface CreateGridInput {
  readonly id?: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly community: string;
  readonly geometry?: Polygon;
  readonly keywords?: string[];
  readonly enabled?: boolean;
}

export interface UpdateGridInput {
  readonly name?: string;
  /** null clears the English name. */
  readonly nameEn?: string | null;
  readonly community?: string;
  readonly geometry?: Polygon | null;
  readonly keywords?: string[] | null;
}

export function gridView(g: Grid): GridView {
  return { id: g.id, name: g.name, nameEn: g.nameEn ?? null, community: g.community, geometry: g.geometry ?? null, keywords: g.keywords ?? [], enabled: g.enabled };
}

function gridRow(g: Grid) {
  return {
    id: g.id, name: g.name, name_en: g.nameEn ?? null, community: g.community, geometry: g.geometry ? JSON.stringify(g.geometry) : null,
    keywords: g.keywords && g.keywords.length > 0 ? JSON.stringify(g.keywords) : null, enabled: g.enabled,
  };
}

/** The JSON Schema checks the GeoJSON shape and ranges; rings must also be closed (first = last position). */
function assertPolygon(geometry: Polygon | undefined): void {
  geometry?.coordinates.forEach((ring, r) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      throw new AppError('TG_ERR_VALIDATION', { detail: `geometry ring ${r} is not closed: its first and last positions differ` }, [
        { pointer: `/geometry/coordinates/${r}`, message: 'ring is not closed' },
      ]);
    }
  });
}

function assertCommunity(org: OrgDefinitions, id: string): void {
  const d = org.departments.find((x) => x.id === id);
  if (!d) throw new AppError('TG_ERR_VALIDATION', { detail: `unknown department ${id}` }, [{ pointer: '/community', message: 'unknown department' }]);
  if (d.kind !== 'community') {
    throw new AppError('TG_ERR_VALIDATION', { detail: `grids belong to communities; ${id} is a ${d.kind}` }, [{ pointer: '/community', message: 'not a community' }]);
  }
}

function found(org: OrgDefinitions, id: string): Grid {
  const g = (org.grids ?? []).find((x) => x.id === id);
  if (!g) throw new AppError('TG_ERR_NOT_FOUND', { what: `grid ${id}` });
  return g;
}

/** Grids (ORG-4) of communities: listed within the reader's scope, edited by administrators. */
export class GridService {
  constructor(private readonly services: OrgServices) {}

  async list(user: SessionUser, community?: string): Promise<GridView[]> {
    const reader = await orgReader(this.services.bundles, user);
    if (community !== undefined) reader.check(community);
    return [...reader.org.grids.values()]
      .filter((g) => (community === undefined || g.community === community) && reader.sees(g.community))
      .map(gridView);
  }

  async get(user: SessionUser, id: string): Promise<GridView> {
    const reader = await orgReader(this.services.bundles, user);
    const grid = reader.org.grids.get(id);
    if (!grid) throw new AppError('TG_ERR_NOT_FOUND', { what: `grid ${id}` });
    reader.check(grid.community);
    return gridView(grid);
  }

  async create(user: SessionUser, input: CreateGridInput): Promise<GridView> {
    assertPolygon(input.geometry);
    return writeOrg(this.services, user, async (trx, org) => {
      assertCommunity(org, input.community);
      const id = input.id ?? newId(`g.${input.community}`, 'g');
      await assertIdFree(trx, 'grids', id);
      const grid: Grid = {
        id, name: input.name, ...(input.nameEn ? { nameEn: input.nameEn } : {}), community: input.community, enabled: input.enabled ?? true,
        ...(input.geometry ? { geometry: input.geometry } : {}), ...(input.keywords?.length ? { keywords: input.keywords } : {}),
      };
      await trx('grids').insert(gridRow(grid));
      return gridView(grid);
    });
  }

  async update(user: SessionUser, id: string, input: UpdateGridInput): Promise<GridView> {
    assertPolygon(input.geometry ?? undefined);
    return writeOrg(this.services, user, async (trx, org) => {
      const current = found(org, id);
      if (input.community !== undefined) assertCommunity(org, input.community);
      const geometry = input.geometry === undefined ? current.geometry : (input.geometry ?? undefined);
      const keywords = input.keywords === undefined ? current.keywords : (input.keywords ?? undefined);
      const nameEn = input.nameEn === undefined ? current.nameEn : (input.nameEn ?? undefined);
      const next: Grid = {
        id, name: input.name ?? current.name, ...(nameEn ? { nameEn } : {}), community: input.community ?? current.community, enabled: current.enabled,
        ...(geometry ? { geometry } : {}), ...(keywords?.length ? { keywords } : {}),
      };
      await trx('grids').where({ id }).update(gridRow(next));
      return gridView(next);
    });
  }

  async setEnabled(user: SessionUser, id: string, enabled: boolean): Promise<GridView> {
    return writeOrg(this.services, user, async (trx, org) => {
      const current = found(org, id);
      await trx('grids').where({ id }).update({ enabled });
      return gridView({ ...current, enabled });
    });
  }
}
