import type { User } from '../../definitions/schemas/organisation.js';
import type { OrgIndex } from './buildOrgIndex.js';
import { isWithin } from './departmentPath.js';

export interface UserQueryOptions {
  /** Include disabled users (default: only enabled users, who can receive work). */
  readonly includeDisabled?: boolean;
}

function usersByIds(org: OrgIndex, ids: readonly string[] | undefined, options: UserQueryOptions): User[] {
  return (ids ?? [])
    .map((id) => org.users.get(id) as User)
    .filter((u) => options.includeDisabled === true || u.enabled);
}

/** True when the user holds the role. */
export function userHasRole(user: User, role: string): boolean {
  return user.roles.includes(role);
}

/** The user with this login name, if any. */
export function userByLogin(org: OrgIndex, login: string): User | undefined {
  const id = org.userByLogin.get(login);
  return id === undefined ? undefined : org.users.get(id);
}

/** Users holding a role, optionally only those in a department or below it. */
export function usersWithRole(
  org: OrgIndex,
  role: string,
  scopeDepartmentId?: string,
  options: UserQueryOptions = {},
): User[] {
  const holders = usersByIds(org, org.usersByRole.get(role), options);
  return scopeDepartmentId === undefined
    ? holders
    : holders.filter((u) => isWithin(org, u.department, scopeDepartmentId));
}

/**
 * Users holding a role at a center (ORG-2: acceptors, dispatchers, shift leaders and reviewers sit in
 * the center's own department). Only users of that department count, not those of its units.
 */
export function holdersOfRoleAt(org: OrgIndex, centerId: string, role: string, options: UserQueryOptions = {}): User[] {
  return usersOfDepartment(org, centerId, options).filter((u) => userHasRole(u, role));
}

/** Users whose department is exactly this one. */
export function usersOfDepartment(org: OrgIndex, departmentId: string, options: UserQueryOptions = {}): User[] {
  return usersByIds(org, org.usersByDepartment.get(departmentId), options);
}

/**
 * The roles among `roleIds` that no enabled user holds; with `centerId`, that no enabled user holds at
 * that center. A flow node bound to such a role would wait forever.
 */
export function rolesNobodyHolds(org: OrgIndex, roleIds: readonly string[], centerId?: string): string[] {
  return roleIds.filter((role) =>
    (centerId === undefined ? usersWithRole(org, role) : holdersOfRoleAt(org, centerId, role)).length === 0,
  );
}
