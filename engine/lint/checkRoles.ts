import type { IdentifiedKind } from '../definitions/bundleTypes.js';
import { rolesNobodyHolds } from '../org/index.js';
import type { LintContext, PathToken } from './lintContext.js';

interface RoleUse { kind: IdentifiedKind; id: string; path: PathToken[]; role: string }

/**
 * Roles nobody holds (ORG-2, DESIGN principle 3): a status binding, button or view bound to a role no
 * enabled user holds would wait forever or show to nobody. Unknown roles are reported by checkReferences.
 */
export function checkRoles(ctx: LintContext): void {
  const uses: RoleUse[] = [];
  for (const b of Object.values(ctx.defs.statusBinding)) {
    if (b.handlerType === 'role' && b.role !== undefined) uses.push({ kind: 'statusBinding', id: b.id, path: ['role'], role: b.role });
  }
  for (const b of Object.values(ctx.defs.buttonType)) {
    (b.roles ?? []).forEach((role, k) => uses.push({ kind: 'buttonType', id: b.id, path: ['roles', k], role }));
  }
  for (const v of Object.values(ctx.defs.view)) {
    v.roles.forEach((role, k) => uses.push({ kind: 'view', id: v.id, path: ['roles', k], role }));
  }
  const known = uses.map((u) => u.role).filter((r) => ctx.defs.role[r] !== undefined);
  const vacant = new Set(rolesNobodyHolds(ctx.org, [...new Set(known)]));
  for (const use of uses) {
    if (vacant.has(use.role)) {
      ctx.report('LINT_ROLE_NOBODY_HOLDS', use.kind, use.id, use.path, { kind: use.kind, id: use.id, role: use.role });
    }
  }
}
