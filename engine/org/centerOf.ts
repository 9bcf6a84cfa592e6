import type { Department } from '../../definitions/schemas/organisation.js';
import type { OrgIndex } from './buildOrgIndex.js';

/** Levels a command center can have (X-8: city ← county ← town). */
export type CenterLevel = 'city' | 'county' | 'town';

const CENTER_LEVELS: ReadonlySet<string> = new Set<CenterLevel>(['city', 'county', 'town']);

/** A city, county or town region flagged independent (独立单位) is a command center (ORG-1). */
export function isCenterDepartment(department: Department): boolean {
  return department.kind === 'region' && department.independent && CENTER_LEVELS.has(department.level);
}

/** True when the department is a command center (指挥中心). */
export function isCenter(org: OrgIndex, id: string): boolean {
  const department = org.departments.get(id);
  return department !== undefined && isCenterDepartment(department);
}

/** The nearest command center at or above the department (a center is its own center). */
export function centerOf(org: OrgIndex, id: string): Department | undefined {
  const center = org.centerOf.get(id);
  return center === undefined ? undefined : org.departments.get(center);
}

/** The center a center escalates to (上级中心); undefined for the highest center. */
export function upperCenter(org: OrgIndex, centerId: string): Department | undefined {
  const upper = org.upperCenterOf.get(centerId);
  return upper === undefined ? undefined : org.departments.get(upper);
}

/** The centers directly below a center (下级中心); empty for the lowest. */
export function lowerCenters(org: OrgIndex, centerId: string): Department[] {
  return (org.lowerCentersOf.get(centerId) ?? []).map((id) => org.departments.get(id) as Department);
}

/** The center itself and every center below it, top-down. */
export function centersWithin(org: OrgIndex, centerId: string): Department[] {
  if (!isCenter(org, centerId)) return [];
  const out: Department[] = [];
  const queue = [centerId];
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i] as string;
    out.push(org.departments.get(id) as Department);
    queue.push(...(org.lowerCentersOf.get(id) ?? []));
  }
  return out;
}

/** The level of a center; undefined when the department is not a center. */
export function centerLevel(org: OrgIndex, centerId: string): CenterLevel | undefined {
  const department = org.departments.get(centerId);
  return department && isCenterDepartment(department) ? (department.level as CenterLevel) : undefined;
}

/** Every center, top-down. */
export function allCenters(org: OrgIndex): Department[] {
  return org.centers.map((id) => org.departments.get(id) as Department);
}
