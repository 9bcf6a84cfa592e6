import type { Department, Grid } from '../../definitions/schemas/organisation.js';
import type { OrgIndex } from './buildOrgIndex.js';
import { descendantsOf } from './departmentPath.js';

/** True when the department is a village or community (村社区). */
export function isCommunity(org: OrgIndex, id: string): boolean {
  return org.departments.get(id)?.kind === 'community';
}

/** The community at or above a department; undefined when there is none. */
export function communityOf(org: OrgIndex, id: string): Department | undefined {
  for (let at: string | undefined = id; at !== undefined; at = org.parentOf.get(at)) {
    const department = org.departments.get(at);
    if (department?.kind === 'community') return department;
  }
  return undefined;
}

/** The grids of a community (ORG-4), in input order; disabled grids too. */
export function gridsOf(org: OrgIndex, communityId: string): Grid[] {
  return (org.gridsByCommunity.get(communityId) ?? []).map((id) => org.grids.get(id) as Grid);
}

/** Every community at or below a department (e.g. all communities of a town center). */
export function communitiesWithin(org: OrgIndex, id: string): Department[] {
  const self = org.departments.get(id);
  if (!self) return [];
  return [self, ...descendantsOf(org, id)].filter((d) => d.kind === 'community');
}
