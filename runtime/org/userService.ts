import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import type { Gender } from '../../definitions/schemas/index.js';
import { descendantsOf, type OrgDefinitions } from '../../engine/org/index.js';
import type { SessionUser } from '../auth/authService.js';
import { hashPassword } from '../auth/passwords.js';
import { AppError } from '../errors.js';
import { parseJson } from '../tickets/rows.js';
import { orgReader, requireAdmin } from './orgAccess.js';
import { assertIdFree, bool, likePattern, writeOrg, type OrgServices } from './orgWrite.js';

/** A user as the API shows it: never the password hash or the failure counters. */
export interface UserView {
  readonly id: string;
  readonly login: string;
  readonly name: string;
  readonly gender: Gender;
  readonly phone: string;
  readonly department: string;
  readonly departmentName: string | null;
  readonly roles: readonly string[];
  readonly enabled: boolean;
  /** Locked after repeated wrong passwords; a password reset unlocks. */
  readonly locked: boolean;
}

export interface UserFilter {
  readonly department?: string;
  /** With `department`: include users of its sub-departments too (default true). */
  readonly subtree?: boolean;
  /** Part of the name, login or phone. */
  readonly q?: string;
  readonly role?: string;
  readonly enabled?: boolean;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface UserPage {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: UserView[];
}

export interface CreateUserInput {
  readonly id?: string;
  readonly login: string;
  readonly name: string;
  readonly gender: Gender;
  readonly phone: string;
  readonly department: string;
  readonly roles?: string[];
  readonly enabled?: boolean;
  readonly password?: string;
}

export type UpdateUserInput = Partial<Pick<CreateUserInput, 'login' | 'name' | 'gender' | 'phone' | 'department' | 'roles'>>;

const COLUMNS = ['id', 'login', 'name', 'gender', 'phone', 'department', 'roles', 'enabled', 'locked_until'] as const;

/** Throws TG_ERR_LOGIN_TAKEN when another user has this login; logins compare case-insensitively on every dialect. */
export async function assertLoginFree(q: Knex, login: string, self?: string): Promise<void> {
  const other = await q('users').first('id').whereRaw('lower(login) = ?', [login.toLowerCase()]);
  if (other && String(other.id) !== self) throw new AppError('TG_ERR_LOGIN_TAKEN', { login });
}

function assertReferences(org: OrgDefinitions, input: UpdateUserInput): void {
  if (input.department !== undefined && !org.departments.some((d) => d.id === input.department)) {
    throw new AppError('TG_ERR_VALIDATION', { detail: `unknown department ${input.department}` }, [{ pointer: '/department', message: 'unknown department' }]);
  }
  const known = new Set((org.roles ?? []).map((r) => r.id));
  const unknown = (input.roles ?? []).filter((r) => !known.has(r));
  if (unknown.length > 0) {
    throw new AppError('TG_ERR_VALIDATION', { detail: `unknown roles ${unknown.join(', ')}` }, [{ pointer: '/roles', message: 'unknown role', params: { roles: unknown } }]);
  }
}

/** Users (ORG-2): listed within the reader's scope, edited by administrators. */
export class UserService {
  constructor(private readonly services: OrgServices) {}

  private view(row: Record<string, unknown>, departmentName: (id: string) => string | undefined): UserView {
    const department = String(row.department);
    return {
      id: String(row.id), login: String(row.login), name: String(row.name), gender: row.gender as Gender, phone: String(row.phone),
      department, departmentName: departmentName(department) ?? null, roles: parseJson<string[]>(row.roles), enabled: bool(row.enabled),
      locked: row.locked_until !== null && row.locked_until !== undefined && Number(row.locked_until) > this.services.clock(),
    };
  }

  async list(user: SessionUser, filter: UserFilter): Promise<UserPage> {
    const reader = await orgReader(this.services.bundles, user);
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 20;
    const q = this.services.knex('users');
    if (reader.scope) q.whereIn('department', [...reader.scope.departmentIds]);
    if (filter.department !== undefined) {
      reader.check(filter.department);
      const below = filter.subtree === false ? [] : descendantsOf(reader.org, filter.department).map((d) => d.id);
      q.whereIn('department', [filter.department, ...below]);
    }
    if (filter.q) {
      const like = likePattern(filter.q);
      q.where((w) => {
        for (const column of ['name', 'login', 'phone']) w.orWhereRaw(`?? like ? escape '!'`, [column, like]);
      });
    }
    if (filter.role) q.whereRaw(`roles like ? escape '!'`, [likePattern(JSON.stringify(filter.role))]);
    if (filter.enabled !== undefined) q.where('enabled', filter.enabled);
    const total = Number((await q.clone().count({ n: '*' }).first())?.n ?? 0);
    const rows = await q.clone().select(...COLUMNS).orderBy('login').limit(pageSize).offset((page - 1) * pageSize);
    const name = (id: string) => reader.org.departments.get(id)?.name;
    return { total, page, pageSize, items: rows.map((r: Record<string, unknown>) => this.view(r, name)) };
  }

  async get(user: SessionUser, id: string): Promise<UserView> {
    const reader = await orgReader(this.services.bundles, user);
    const row = await this.services.knex('users').first(...COLUMNS).where({ id });
    if (!row) throw new AppError('TG_ERR_NOT_FOUND', { what: `user ${id}` });
    reader.check(String(row.department));
    return this.view(row, (d) => reader.org.departments.get(d)?.name);
  }

  async create(user: SessionUser, input: CreateUserInput): Promise<UserView> {
    requireAdmin(user);
    const hash = await hashPassword(input.password ?? this.services.config.demoPassword);
    return writeOrg(this.services, user, async (trx, org) => {
      assertReferences(org, input);
      const id = input.id ?? randomUUID();
      await assertIdFree(trx, 'users', id);
      await assertLoginFree(trx, input.login);
      await trx('users').insert({
        id, login: input.login, name: input.name, gender: input.gender, phone: input.phone, department: input.department,
        roles: JSON.stringify(input.roles ?? []), password_hash: hash, failed_logins: 0, locked_until: null, enabled: input.enabled ?? true,
      });
      return this.reload(trx, org, id);
    });
  }

  async update(user: SessionUser, id: string, input: UpdateUserInput): Promise<UserView> {
    return writeOrg(this.services, user, async (trx, org) => {
      await this.reload(trx, org, id);
      assertReferences(org, input);
      if (input.login !== undefined) await assertLoginFree(trx, input.login, id);
      const { roles, ...rest } = input;
      const changes = { ...rest, ...(roles !== undefined ? { roles: JSON.stringify(roles) } : {}) };
      if (Object.keys(changes).length > 0) await trx('users').where({ id }).update(changes);
      return this.reload(trx, org, id);
    });
  }

  /** A disabled user can no longer log in, and their open sessions end. */
  async setEnabled(user: SessionUser, id: string, enabled: boolean): Promise<UserView> {
    return writeOrg(this.services, user, async (trx, org) => {
      await this.reload(trx, org, id);
      await trx('users').where({ id }).update({ enabled });
      if (!enabled) await trx('sessions').where({ user_id: id }).delete();
      return this.reload(trx, org, id);
    });
  }

  /** Sets a new password (default: the configured default password), unlocks the account and ends its sessions. */
  async resetPassword(user: SessionUser, id: string, password?: string): Promise<UserView> {
    requireAdmin(user);
    const hash = await hashPassword(password ?? this.services.config.demoPassword);
    return writeOrg(this.services, user, async (trx, org) => {
      await this.reload(trx, org, id);
      await trx('users').where({ id }).update({ password_hash: hash, failed_logins: 0, locked_until: null });
      await trx('sessions').where({ user_id: id }).delete();
      return this.reload(trx, org, id);
    });
  }

  private async reload(trx: Knex.Transaction, org: OrgDefinitions, id: string): Promise<UserView> {
    const row = await trx('users').first(...COLUMNS).where({ id });
    if (!row) throw new AppError('TG_ERR_NOT_FOUND', { what: `user ${id}` });
    return this.view(row, (d) => org.departments.find((x) => x.id === d)?.name);
  }
}
