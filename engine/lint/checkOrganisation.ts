import type { IdentifiedKind } from '../definitions/bundleTypes.js';
import type { LintContext } from './lintContext.js';

const KIND_OF_ARRAY: Readonly<Record<string, IdentifiedKind>> = {
  departments: 'department',
  grids: 'grid',
  users: 'user',
  roles: 'role',
};

/**
 * Surfaces the organisation's own findings (engine/org: buildOrgIndex and checkOrg, codes ORG_*) as
 * lint findings. Their pointers index the arrays the index was built from (`/departments/3/parent`),
 * which follow the bundle's definition order; they are moved to the definition's file and pointer.
 */
export function checkOrganisation(ctx: LintContext): void {
  for (const f of ctx.orgFindings) {
    const match = /^\/(departments|grids|users|roles)\/(\d+)(.*)$/.exec(f.pointer);
    const kind = match ? KIND_OF_ARRAY[match[1] ?? ''] : undefined;
    const id = kind ? Object.keys(ctx.defs[kind])[Number(match?.[2])] : undefined;
    const location = kind && id !== undefined ? ctx.bundle.locations[kind][id] : undefined;
    ctx.findings.push({
      code: f.code,
      severity: f.severity,
      ...(location ? { file: location.file } : {}),
      pointer: location ? location.pointer + (match?.[3] ?? '') : f.pointer,
      message: f.message,
      ...(f.params ? { params: f.params } : {}),
    });
  }
}
