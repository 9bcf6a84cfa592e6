import type { Department, Grid, Role, User } from '../../definitions/schemas/organisation.js';
import { isCenterDepartment } from './centerOf.js';
import { checkOrg } from './checkOrg.js';
import { orgFinding, type OrgFinding } from './orgFinding.js';

/** The organisation definitions an index is built from (one package's or several merged). */
export interface OrgDefinitions {
  readonly departments: readonly Department[];
  readonly grids?: readonly Grid[];
  readonly users?: readonly User[];
  readonly roles?: readonly Role[];
}

/** `[minLng, minLat, maxLng, maxLat]` */
export type BoundingBox = readonly [number, number, number, number];

/**
 * Lookup structure over the organisation, built once (ORG-1..4). Everything is keyed by id; lists keep
 * input order. Broken data never throws: unknown parents and cycles are cut (the department becomes a
 * root) and reported as findings.
 */
export interface OrgIndex {
  readonly departments: ReadonlyMap<string, Department>;
  readonly grids: ReadonlyMap<string, Grid>;
  readonly users: ReadonlyMap<string, User>;
  readonly roles: ReadonlyMap<string, Role>;
  /** Effective parent id: only known parents, cycles cut. */
  readonly parentOf: ReadonlyMap<string, string>;
  readonly childrenOf: ReadonlyMap<string, readonly string[]>;
  /** Departments without an effective parent, in input order. */
  readonly roots: readonly string[];
  /** Nearest command center ancestor-or-self, for every department that has one. */
  readonly centerOf: ReadonlyMap<string, string>;
  /** Center id → the next center above it. */
  readonly upperCenterOf: ReadonlyMap<string, string>;
  /** Center id → the centers directly below it. */
  readonly lowerCentersOf: ReadonlyMap<string, readonly string[]>;
  /** Center id → its first-level member units and communities (成员单位). */
  readonly memberUnitsOf: ReadonlyMap<string, readonly string[]>;
  /** All centers, top-down. */
  readonly centers: readonly string[];
  readonly gridsByCommunity: ReadonlyMap<string, readonly string[]>;
  readonly gridBoxes: ReadonlyMap<string, BoundingBox>;
  readonly usersByDepartment: ReadonlyMap<string, readonly string[]>;
  readonly usersByRole: ReadonlyMap<string, readonly string[]>;
  readonly userByLogin: ReadonlyMap<string, string>;
}

export interface OrgIndexResult {
  readonly org: OrgIndex;
  readonly findings: readonly OrgFinding[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byId<T extends { id: string }>(
  items: readonly T[],
  kind: string,
  findings: OrgFinding[],
): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    if (map.has(item.id)) {
      findings.push(orgFinding('ORG_DUPLICATE_ID', `/${kind}/${i}/id`, `Duplicate id '${item.id}' in ${kind}; the first one is used.`, { id: item.id, array: kind }));
    } else {
      map.set(item.id, item);
    }
  });
  return map;
}

/** Parent links with unknown parents and cycles removed, plus the findings for what was removed. */
function effectiveParents(
  departments: readonly Department[],
  known: ReadonlyMap<string, Department>,
  findings: OrgFinding[],
): Map<string, string> {
  const parentOf = new Map<string, string>();
  const position = new Map<string, number>();
  departments.forEach((d, i) => {
    if (known.get(d.id) !== d) return;
    position.set(d.id, i);
    if (d.parent === undefined) return;
    if (!known.has(d.parent)) {
      findings.push(orgFinding('ORG_UNKNOWN_PARENT', `/departments/${i}/parent`, `Department '${d.id}' names unknown parent '${d.parent}'.`, { id: d.id, parent: d.parent }));
      return;
    }
    parentOf.set(d.id, d.parent);
  });

  // Walk up from every department; a walk that meets itself has found a cycle.
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of position.keys()) {
    const walk: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && state.get(at) === undefined) {
      state.set(at, 'walking');
      walk.push(at);
      at = parentOf.get(at);
    }
    if (at !== undefined && state.get(at) === 'walking') {
      const cycle = walk.slice(walk.indexOf(at));
      for (const id of cycle) {
        parentOf.delete(id);
        findings.push(orgFinding(
          'ORG_PARENT_CYCLE',
          `/departments/${position.get(id) ?? 0}/parent`,
          `Department '${id}' is in a parent cycle (${cycle.join(' > ')}); it is treated as a root.`,
          { id, cycle },
        ));
      }
    }
    for (const id of walk) state.set(id, 'done');
  }
  return parentOf;
}

function boxOf(grid: Grid): BoundingBox | undefined {
  const ring = grid.geometry?.coordinates[0];
  if (!ring || ring.length === 0) return undefined;
  let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of ring) {
    minLng = Math.min(minLng, lng);
    minLat = Math.min(minLat, lat);
    maxLng = Math.max(maxLng, lng);
    maxLat = Math.max(maxLat, lat);
  }
  return [minLng, minLat, maxLng, maxLat];
}

/**
 * Build the organisation index once; lookups over it are map reads. Returns the index and findings
 * (unknown parents, cycles, centers under non-regions, bad references …); it never throws.
 */
export function buildOrgIndex(definitions: OrgDefinitions): OrgIndexResult {
  const findings: OrgFinding[] = [];
  const grids = definitions.grids ?? [];
  const users = definitions.users ?? [];
  const roles = definitions.roles ?? [];

  const departments = byId(definitions.departments, 'departments', findings);
  const parentOf = effectiveParents(definitions.departments, departments, findings);

  const childrenOf = new Map<string, string[]>();
  const roots: string[] = [];
  for (const id of departments.keys()) {
    const parent = parentOf.get(id);
    if (parent === undefined) roots.push(id);
    else push(childrenOf, parent, id);
  }

  // Top-down walk: every department is reachable from a root once cycles are cut.
  const centerOf = new Map<string, string>();
  const upperCenterOf = new Map<string, string>();
  const lowerCentersOf = new Map<string, string[]>();
  const memberUnitsOf = new Map<string, string[]>();
  const centers: string[] = [];
  const queue = [...roots];
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i] as string;
    const department = departments.get(id) as Department;
    const parentId = parentOf.get(id);
    const parent = parentId === undefined ? undefined : departments.get(parentId);
    const above = parentId === undefined ? undefined : centerOf.get(parentId);
    if (isCenterDepartment(department)) {
      centers.push(id);
      centerOf.set(id, id);
      if (above !== undefined) {
        upperCenterOf.set(id, above);
        push(lowerCentersOf, above, id);
      }
    } else if (above !== undefined) {
      centerOf.set(id, above);
      if (department.kind !== 'region' && parent?.kind === 'region') push(memberUnitsOf, above, id);
    }
    queue.push(...(childrenOf.get(id) ?? []));
  }

  const gridMap = byId(grids, 'grids', findings);
  const gridsByCommunity = new Map<string, string[]>();
  const gridBoxes = new Map<string, BoundingBox>();
  for (const grid of gridMap.values()) {
    push(gridsByCommunity, grid.community, grid.id);
    const box = boxOf(grid);
    if (box) gridBoxes.set(grid.id, box);
  }

  const userMap = byId(users, 'users', findings);
  const usersByDepartment = new Map<string, string[]>();
  const usersByRole = new Map<string, string[]>();
  const userByLogin = new Map<string, string>();
  for (const user of userMap.values()) {
    push(usersByDepartment, user.department, user.id);
    for (const role of new Set(user.roles)) push(usersByRole, role, user.id);
    if (!userByLogin.has(user.login)) userByLogin.set(user.login, user.id);
  }

  const org: OrgIndex = {
    departments,
    grids: gridMap,
    users: userMap,
    roles: byId(roles, 'roles', findings),
    parentOf,
    childrenOf,
    roots,
    centerOf,
    upperCenterOf,
    lowerCentersOf,
    memberUnitsOf,
    centers,
    gridsByCommunity,
    gridBoxes,
    usersByDepartment,
    usersByRole,
    userByLogin,
  };
  findings.push(...checkOrg(org, { departments: definitions.departments, grids, users }));
  return { org, findings };
}
