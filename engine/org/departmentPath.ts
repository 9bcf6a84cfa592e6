import type { Department } from '../../definitions/schemas/organisation.js';
import type { OrgIndex } from './buildOrgIndex.js';

/** Separator of a department's full path name (ORG-3: 江苏省-苏州市-张家港市-凤凰镇-西张社区). */
export const DepartmentPathSeparator = '-';

/** The department with this id, if known. */
export function departmentOf(org: OrgIndex, id: string): Department | undefined {
  return org.departments.get(id);
}

/** The effective parent (unknown parents and cycles are cut when the index is built). */
export function parentOf(org: OrgIndex, id: string): Department | undefined {
  const parent = org.parentOf.get(id);
  return parent === undefined ? undefined : org.departments.get(parent);
}

/** Direct children, in input order. */
export function childrenOf(org: OrgIndex, id: string): Department[] {
  return (org.childrenOf.get(id) ?? []).map((c) => org.departments.get(c) as Department);
}

/** Ancestors from the parent up to the root (self excluded). */
export function ancestorsOf(org: OrgIndex, id: string): Department[] {
  const out: Department[] = [];
  for (let at = org.parentOf.get(id); at !== undefined; at = org.parentOf.get(at)) {
    out.push(org.departments.get(at) as Department);
  }
  return out;
}

/** The path from the root down to the department itself; empty for an unknown id. */
export function departmentPath(org: OrgIndex, id: string): Department[] {
  const self = org.departments.get(id);
  return self ? [...ancestorsOf(org, id).reverse(), self] : [];
}

/** Full path name joined by '-' (ORG-3), e.g. `江苏省-苏州市-张家港市-凤凰镇-西张社区`; '' for an unknown id. */
export function departmentPathName(org: OrgIndex, id: string, separator = DepartmentPathSeparator): string {
  return departmentPath(org, id).map((d) => d.name).join(separator);
}

/** True when `id` is `ancestorId` or lies below it. */
export function isWithin(org: OrgIndex, id: string, ancestorId: string): boolean {
  if (!org.departments.has(id)) return false;
  for (let at: string | undefined = id; at !== undefined; at = org.parentOf.get(at)) {
    if (at === ancestorId) return true;
  }
  return false;
}

/**
 * Every department below `id` (self excluded), top-down. `descend` decides whether to look below a
 * department that is itself included (default: always).
 */
export function descendantsOf(
  org: OrgIndex,
  id: string,
  descend: (department: Department) => boolean = () => true,
): Department[] {
  const out: Department[] = [];
  const queue = [...(org.childrenOf.get(id) ?? [])];
  for (let i = 0; i < queue.length; i += 1) {
    const department = org.departments.get(queue[i] as string) as Department;
    out.push(department);
    if (descend(department)) queue.push(...(org.childrenOf.get(department.id) ?? []));
  }
  return out;
}
