import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { buildOrgIndex, type OrgDefinitions, type OrgFinding } from '../../engine/org/index.js';
import { bumpOrgVersion } from '../app/bundleStore.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import type { Services } from '../http/context.js';
import { loadOrg } from './orgStore.js';
import { requireAdmin } from './orgAccess.js';

/** What org services need from the runtime. */
export type OrgServices = Pick<Services, 'knex' | 'bundles' | 'config' | 'clock'>;

/**
 * One organisation change: admin only, in one transaction over the live organisation as it is inside
 * that transaction; compiled bundles pick the change up afterwards. The current bundle is read before
 * the transaction opens (the embedded database has one connection, which the transaction holds).
 */
export async function writeOrg<T>(
  services: OrgServices,
  user: SessionUser,
  work: (trx: Knex.Transaction, org: OrgDefinitions) => Promise<T>,
): Promise<T> {
  requireAdmin(user);
  const roles = Object.values((await services.bundles.current()).bundle.defs.role);
  const result = await services.knex.transaction(async (trx) => {
    const done = await work(trx, await loadOrg(trx, roles));
    await bumpOrgVersion(trx); // other processes see the change at their next check (BundleStore.current)
    return done;
  });
  services.bundles.orgChanged();
  return result;
}

const key = (f: OrgFinding) => `${f.code}\u0000${f.message}`;

/**
 * Refuses a change that makes the organisation worse: any error finding (parent cycle, level order,
 * region under a unit …) that the organisation did not have before. Old problems do not block edits.
 */
export function assertNoNewOrgErrors(before: OrgDefinitions, after: OrgDefinitions): void {
  const old = new Set(buildOrgIndex(before).findings.filter((f) => f.severity === 'error').map(key));
  const added = buildOrgIndex(after).findings.filter((f) => f.severity === 'error' && !old.has(key(f)));
  if (added.length === 0) return;
  throw new AppError('TG_ERR_VALIDATION', { detail: added.map((f) => f.message).join(' ') }, {
    findings: added.map(({ code, message }) => ({ code, message })),
  });
}

/** A fresh id below a prefix (`fh.3f2a9c1b`), or a plain one when the prefix makes it too long. */
export function newId(prefix: string | undefined, fallback: string): string {
  const short = randomUUID().slice(0, 8);
  const id = prefix ? `${prefix}.${short}` : `${fallback}.${short}`;
  return id.length <= 80 ? id : `${fallback}.${randomUUID()}`;
}

/** Throws TG_ERR_ID_TAKEN when a row with this id exists in the table. */
export async function assertIdFree(trx: Knex.Transaction, table: 'departments' | 'grids' | 'users', id: string): Promise<void> {
  if (await trx(table).first('id').where({ id })) throw new AppError('TG_ERR_ID_TAKEN', { id });
}

/** SQLite and MariaDB both return booleans as 0/1. */
export const bool = (value: unknown): boolean => value === true || Number(value) === 1;

/** Escapes a user's search text for `LIKE … ESCAPE '!'` on both dialects. */
export function likePattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
