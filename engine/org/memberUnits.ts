import type { Department } from '../../definitions/schemas/organisation.js';
import type { OrgIndex } from './buildOrgIndex.js';

/**
 * A center's first-level member units (成员单位, ORG-1): units and communities whose parent is a region
 * and whose nearest center is this one. Communities placed directly under a town count, as do the units
 * of a region that is not itself a center.
 */
export function memberUnits(org: OrgIndex, centerId: string): Department[] {
  return (org.memberUnitsOf.get(centerId) ?? []).map((id) => org.departments.get(id) as Department);
}

/** True for a unit or community (anything but a region). */
export function isUnit(department: Department): boolean {
  return department.kind !== 'region';
}

/** Direct sub-units (下级单位) of a unit or community: its non-region children. Empty for a region. */
export function subUnits(org: OrgIndex, unitId: string): Department[] {
  const unit = org.departments.get(unitId);
  if (!unit || !isUnit(unit)) return [];
  return (org.childrenOf.get(unitId) ?? [])
    .map((id) => org.departments.get(id) as Department)
    .filter(isUnit);
}

/** Every sub-unit below a unit (self excluded), top-down. */
export function allSubUnits(org: OrgIndex, unitId: string): Department[] {
  const out: Department[] = [];
  const queue = subUnits(org, unitId);
  for (let i = 0; i < queue.length; i += 1) {
    const unit = queue[i] as Department;
    out.push(unit);
    queue.push(...subUnits(org, unit.id));
  }
  return out;
}

/**
 * The department that reviews a sub-unit's applications and results (HND-5): its parent when the parent
 * is a unit or community. Undefined for a first-level member unit, whose applications go to its
 * center's shift leader.
 */
export function parentUnitWithinCenter(org: OrgIndex, departmentId: string): Department | undefined {
  const department = org.departments.get(departmentId);
  const parentId = org.parentOf.get(departmentId);
  const parent = parentId === undefined ? undefined : org.departments.get(parentId);
  if (!department || !isUnit(department) || !parent || !isUnit(parent)) return undefined;
  return org.centerOf.get(parent.id) === org.centerOf.get(department.id) ? parent : undefined;
}
