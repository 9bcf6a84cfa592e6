import type { Knex } from '@mikro-orm/knex';
import type { Department, Grid, Role, User } from '../../definitions/schemas/index.js';
import type { OrgDefinitions } from '../../engine/org/index.js';
import { parseJson } from '../tickets/rows.js';

/** Loads the live organisation (departments, grids, users) with the bundle's role definitions. */
export async function loadOrg(q: Knex, roles: readonly Role[]): Promise<OrgDefinitions> {
  const [departments, grids, users] = await Promise.all([q('departments').select(), q('grids').select(), q('users').select()]);
  return {
    departments: departments.map((d: Record<string, unknown>): Department => ({
      id: String(d.id), name: String(d.name), ...(d.name_en ? { nameEn: String(d.name_en) } : {}), level: d.level as Department['level'], kind: d.kind as Department['kind'],
      independent: Boolean(d.independent), enabled: Boolean(d.enabled),
      ...(d.parent ? { parent: String(d.parent) } : {}), ...(d.region_code ? { regionCode: String(d.region_code) } : {}),
    })),
    grids: grids.map((g: Record<string, unknown>): Grid => ({
      id: String(g.id), name: String(g.name), ...(g.name_en ? { nameEn: String(g.name_en) } : {}), community: String(g.community), enabled: Boolean(g.enabled),
      ...(g.geometry ? { geometry: parseJson<Grid['geometry']>(g.geometry) } : {}),
      ...(g.keywords ? { keywords: parseJson<string[]>(g.keywords) } : {}),
    })),
    users: users.map((u: Record<string, unknown>): User => ({
      id: String(u.id), login: String(u.login), name: String(u.name), gender: u.gender as User['gender'], phone: String(u.phone),
      department: String(u.department), roles: parseJson<string[]>(u.roles), enabled: Boolean(u.enabled),
    })),
    roles,
  };
}
