import { canSee, dataScopeOf, RoleIds, type DataScope, type OrgIndex } from '../../engine/org/index.js';
import type { BundleStore } from '../app/bundleStore.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';

/** True when the user administers the organisation (系统管理员). */
export function isAdmin(user: SessionUser): boolean {
  return user.roles.includes(RoleIds.admin);
}

/** Only administrators change the organisation (ORG-1..4); everyone else gets a 403. */
export function requireAdmin(user: SessionUser): void {
  if (isAdmin(user)) return;
  const err = new AppError('TG_ERR_FORBIDDEN', { detail: 'only administrators may change the organisation' });
  throw Object.assign(err, { messageZh: '无权执行此操作：只有系统管理员可以修改组织架构。' });
}

/** What one user may read of the live organisation: admins everything, others their data scope. */
export interface OrgReader {
  readonly org: OrgIndex;
  /** Undefined for an administrator, who sees everything. */
  readonly scope: DataScope | undefined;
  sees(departmentId: string): boolean;
  /** Throws TG_ERR_OUT_OF_SCOPE unless the department is visible. */
  check(departmentId: string): void;
}

export async function orgReader(bundles: BundleStore, user: SessionUser): Promise<OrgReader> {
  const { org } = await bundles.currentCompiled();
  const scope = isAdmin(user) ? undefined : dataScopeOf(org, user.id);
  const sees = (departmentId: string) => scope === undefined || canSee(scope, { departmentIds: [departmentId] });
  return {
    org, scope, sees,
    check(departmentId) {
      if (!sees(departmentId)) throw new AppError('TG_ERR_OUT_OF_SCOPE');
    },
  };
}
