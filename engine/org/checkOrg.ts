import type { Department, Grid, User } from '../../definitions/schemas/organisation.js';
import type { OrgIndex } from './buildOrgIndex.js';
import { isCenterDepartment } from './centerOf.js';
import { LevelRank } from './levelRank.js';
import { orgFinding, type OrgFinding } from './orgFinding.js';
import { CenterRoleIds, RoleIds } from './roleIds.js';

interface CheckedDefinitions {
  readonly departments: readonly Department[];
  readonly grids: readonly Grid[];
  readonly users: readonly User[];
}

function checkDepartments(org: OrgIndex, departments: readonly Department[]): OrgFinding[] {
  const findings: OrgFinding[] = [];
  departments.forEach((d, i) => {
    if (org.departments.get(d.id) !== d) return; // a duplicate, reported already
    const at = `/departments/${i}`;
    const parentId = org.parentOf.get(d.id);
    const parent = parentId === undefined ? undefined : org.departments.get(parentId);
    const center = isCenterDepartment(d);
    if (parent && d.kind === 'region' && parent.kind !== 'region') {
      findings.push(center
        ? orgFinding('ORG_CENTER_UNDER_NON_REGION', `${at}/parent`, `Center '${d.id}' sits under ${parent.kind} '${parent.id}'; a center belongs under a region.`, { id: d.id, parentKind: parent.kind, parent: parent.id })
        : orgFinding('ORG_REGION_UNDER_NON_REGION', `${at}/parent`, `Region '${d.id}' sits under ${parent.kind} '${parent.id}'.`, { id: d.id, parentKind: parent.kind, parent: parent.id }));
    }
    if (parent && LevelRank[d.level] < LevelRank[parent.level]) {
      findings.push(orgFinding('ORG_LEVEL_ORDER', `${at}/level`, `Department '${d.id}' (${d.level}) is above its parent '${parent.id}' (${parent.level}).`, { id: d.id, level: d.level, parent: parent.id, parentLevel: parent.level }));
    }
    if (d.independent && !center) {
      findings.push(orgFinding('ORG_INDEPENDENT_IGNORED', `${at}/independent`, `Department '${d.id}' is flagged independent but only city, county and town regions can be centers.`, { id: d.id }));
    }
    if (d.kind === 'community' && d.level !== 'village') {
      findings.push(orgFinding('ORG_COMMUNITY_LEVEL', `${at}/level`, `Community '${d.id}' should be at village level, not ${d.level}.`, { id: d.id, level: d.level }));
    }
    if (d.kind !== 'region' && !org.centerOf.has(d.id)) {
      findings.push(orgFinding('ORG_OUTSIDE_CENTER', at, `${d.kind === 'unit' ? 'Unit' : 'Community'} '${d.id}' has no command center above it.`, { variant: d.kind === 'unit' ? 'unit' : 'community', id: d.id }));
    }
  });
  return findings;
}

function ringClosed(ring: readonly (readonly [number, number])[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length >= 4 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
}

function checkGrids(org: OrgIndex, grids: readonly Grid[]): OrgFinding[] {
  const findings: OrgFinding[] = [];
  grids.forEach((g, i) => {
    if (org.grids.get(g.id) !== g) return;
    const at = `/grids/${i}`;
    const community = org.departments.get(g.community);
    if (!community) {
      findings.push(orgFinding('ORG_UNKNOWN_REF', `${at}/community`, `Grid '${g.id}' names unknown department '${g.community}'.`, { variant: 'gridCommunity', id: g.id, ref: g.community }));
    } else if (community.kind !== 'community') {
      findings.push(orgFinding('ORG_GRID_NOT_IN_COMMUNITY', `${at}/community`, `Grid '${g.id}' belongs to '${community.id}', which is a ${community.kind}, not a community.`, { id: g.id, community: community.id, communityKind: community.kind }));
    }
    g.geometry?.coordinates.forEach((ring, r) => {
      if (!ringClosed(ring)) {
        findings.push(orgFinding('ORG_GRID_RING_OPEN', `${at}/geometry/coordinates/${r}`, `Grid '${g.id}' ring ${r} is not a closed ring of at least four positions.`, { id: g.id, ring: r }));
      }
    });
    if (!g.geometry && (g.keywords ?? []).length === 0) {
      findings.push(orgFinding('ORG_GRID_UNRESOLVABLE', at, `Grid '${g.id}' has neither geometry nor keywords.`, { id: g.id }));
    }
  });
  return findings;
}

function checkUsers(org: OrgIndex, users: readonly User[]): OrgFinding[] {
  const findings: OrgFinding[] = [];
  const logins = new Set<string>();
  users.forEach((u, i) => {
    if (org.users.get(u.id) !== u) return;
    const at = `/users/${i}`;
    if (logins.has(u.login)) {
      findings.push(orgFinding('ORG_DUPLICATE_LOGIN', `${at}/login`, `Login '${u.login}' is used by more than one user.`, { login: u.login }));
    }
    logins.add(u.login);
    const department = org.departments.get(u.department);
    if (!department) {
      findings.push(orgFinding('ORG_UNKNOWN_REF', `${at}/department`, `User '${u.id}' names unknown department '${u.department}'.`, { variant: 'userDepartment', id: u.id, ref: u.department }));
    }
    u.roles.forEach((role, r) => {
      // Without role definitions there is nothing to check role references against.
      if (org.roles.size > 0 && !org.roles.has(role)) {
        findings.push(orgFinding('ORG_UNKNOWN_REF', `${at}/roles/${r}`, `User '${u.id}' holds unknown role '${role}'.`, { variant: 'userRole', id: u.id, ref: role }));
      } else if (department && CenterRoleIds.some((c) => c === role) && !isCenterDepartment(department)) {
        findings.push(orgFinding('ORG_ROLE_PLACEMENT', `${at}/roles/${r}`, `User '${u.id}' holds center role '${role}' but sits in '${department.id}', which is not a center.`, { variant: 'center', id: u.id, role, department: department.id }));
      } else if (department && role === RoleIds.gridWorker && department.kind !== 'community') {
        findings.push(orgFinding('ORG_ROLE_PLACEMENT', `${at}/roles/${r}`, `Grid worker '${u.id}' sits in '${department.id}', which is not a community.`, { variant: 'grid', id: u.id, department: department.id }));
      }
    });
  });
  return findings;
}

/** Semantic checks over a built index; pointers index into the given definition arrays. */
export function checkOrg(org: OrgIndex, definitions: CheckedDefinitions): OrgFinding[] {
  return [
    ...checkDepartments(org, definitions.departments),
    ...checkGrids(org, definitions.grids),
    ...checkUsers(org, definitions.users),
  ];
}
