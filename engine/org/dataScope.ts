import type { User } from '../../definitions/schemas/organisation.js';
import type { OrgIndex } from './buildOrgIndex.js';
import { isCenterDepartment } from './centerOf.js';
import { descendantsOf } from './departmentPath.js';

/**
 * What a user may see, as plain sets so callers can also turn it into a query filter.
 * - center: a center user sees its own center, every center below it, and all their departments;
 * - region: a user of a region that is not a center (e.g. the province) sees everything below it;
 * - department: a unit or community user sees its department and its sub-units;
 * - none: unknown or disabled user, or a user without a known department.
 */
export interface DataScope {
  readonly kind: 'center' | 'region' | 'department' | 'none';
  readonly centerIds: ReadonlySet<string>;
  readonly departmentIds: ReadonlySet<string>;
}

/** What a record (ticket, task …) is attached to: centers it passed through, departments on it. */
export interface ScopedRecord {
  readonly centerIds?: readonly string[];
  readonly departmentIds?: readonly string[];
}

const NONE: DataScope = { kind: 'none', centerIds: new Set(), departmentIds: new Set() };

/** The data scope of a user, or of an explicit user definition. */
export function dataScopeOf(org: OrgIndex, user: string | User): DataScope {
  const found = typeof user === 'string' ? org.users.get(user) : user;
  if (!found || !found.enabled) return NONE;
  const department = org.departments.get(found.department);
  if (!department) return NONE;
  const below = descendantsOf(org, department.id);
  const departmentIds = new Set([department.id, ...below.map((d) => d.id)]);
  if (department.kind !== 'region') {
    return { kind: 'department', centerIds: new Set(), departmentIds };
  }
  const centerIds = new Set([department, ...below].filter(isCenterDepartment).map((d) => d.id));
  return { kind: isCenterDepartment(department) ? 'center' : 'region', centerIds, departmentIds };
}

/** True when the scope covers one of the record's centers or one of its departments. */
export function canSee(scope: DataScope, record: ScopedRecord): boolean {
  return (
    (record.centerIds ?? []).some((id) => scope.centerIds.has(id)) ||
    (record.departmentIds ?? []).some((id) => scope.departmentIds.has(id))
  );
}
