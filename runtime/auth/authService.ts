import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import type { RuntimeConfig } from '../config.js';
import { AppError } from '../errors.js';
import { parseJson } from '../tickets/rows.js';
import { verifyPassword } from './passwords.js';

export interface SessionUser {
  readonly id: string;
  readonly login: string;
  readonly name: string;
  readonly department: string;
  readonly roles: readonly string[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Login with hashed passwords, lockout after repeated failures, and expiring sessions. */
export class AuthService {
  constructor(private readonly knex: Knex, private readonly config: RuntimeConfig) {}

  async login(login: string, password: string, now: number): Promise<{ token: string; expiresAt: number; user: SessionUser }> {
    const row = await this.knex('users').where({ login }).first();
    if (!row || !row.enabled) throw new AppError('TG_ERR_BAD_CREDENTIALS');
    if (row.locked_until && Number(row.locked_until) > now) {
      throw new AppError('TG_ERR_ACCOUNT_LOCKED', { minutes: Math.ceil((Number(row.locked_until) - now) / 60_000) });
    }
    if (!(await verifyPassword(password, String(row.password_hash)))) {
      const failures = Number(row.failed_logins) + 1;
      const locked = failures >= this.config.loginMaxFailures;
      await this.knex('users').where({ id: row.id }).update({
        failed_logins: locked ? 0 : failures,
        locked_until: locked ? now + this.config.loginLockMinutes * 60_000 : null,
      });
      if (locked) throw new AppError('TG_ERR_ACCOUNT_LOCKED', { minutes: this.config.loginLockMinutes });
      throw new AppError('TG_ERR_BAD_CREDENTIALS');
    }
    await this.knex('users').where({ id: row.id }).update({ failed_logins: 0, locked_until: null });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + this.config.sessionTtlMinutes * 60_000;
    await this.knex('sessions').insert({ token_hash: sha256(token), user_id: row.id, created_at: now, expires_at: expiresAt });
    return { token, expiresAt, user: toUser(row) };
  }

  async logout(token: string): Promise<void> {
    await this.knex('sessions').where({ token_hash: sha256(token) }).delete();
  }

  /** The user behind a bearer token; sessions slide while in use. */
  async authenticate(token: string | undefined, now: number): Promise<SessionUser> {
    if (!token) throw new AppError('TG_ERR_UNAUTHENTICATED');
    const session = await this.knex('sessions').where({ token_hash: sha256(token) }).first();
    if (!session) throw new AppError('TG_ERR_UNAUTHENTICATED');
    if (Number(session.expires_at) <= now) {
      await this.knex('sessions').where({ token_hash: session.token_hash }).delete();
      throw new AppError('TG_ERR_SESSION_EXPIRED');
    }
    const row = await this.knex('users').where({ id: session.user_id }).first();
    if (!row || !row.enabled) throw new AppError('TG_ERR_UNAUTHENTICATED');
    const renewed = now + this.config.sessionTtlMinutes * 60_000;
    if (renewed - Number(session.expires_at) > 60_000) {
      await this.knex('sessions').where({ token_hash: session.token_hash }).update({ expires_at: renewed });
    }
    return toUser(row);
  }
}

function toUser(row: Record<string, unknown>): SessionUser {
  return { id: String(row.id), login: String(row.login), name: String(row.name), department: String(row.department), roles: parseJson<string[]>(row.roles) };
}
