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

/**
 * How long (ms of the runtime's clock) an authenticated session is answered from memory instead of
 * two queries per request. Changes made through this process (logout, any organisation change:
 * disable, reset, edit, import) drop the cache at once; this bounds how long another process's
 * changes take to be seen here.
 */
export const SESSION_CACHE_MS = 5_000;
/** Cached sessions kept at most (a sweep drops stale ones first, then everything). */
const SESSION_CACHE_MAX = 10_000;

interface CachedSession {
  readonly user: SessionUser;
  expiresAt: number;
  readonly cachedAt: number;
}

/** Login with hashed passwords, lockout after repeated failures, and expiring sessions. */
export class AuthService {
  private readonly sessions = new Map<string, CachedSession>();
  /** Moves on every forget: a session read before it is not cached after it. */
  private generation = 0;

  constructor(private readonly knex: Knex, private readonly config: RuntimeConfig) {}

  /** Tells the other runtime processes that a session ended here (createApp sets it). */
  announce: () => void = () => undefined;

  /** Drops every cached session: call when users, their roles, departments or sessions changed. */
  forgetSessions(): void {
    this.generation += 1;
    this.sessions.clear();
  }

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
    const hash = sha256(token);
    this.generation += 1;
    this.sessions.delete(hash);
    await this.knex('sessions').where({ token_hash: hash }).delete();
    this.announce();
  }

  /**
   * The user behind a bearer token; sessions slide while in use. A session read within the last
   * SESSION_CACHE_MS (and not yet expired) is answered from memory; expiry and renewal are checked
   * on every call as before.
   */
  async authenticate(token: string | undefined, now: number): Promise<SessionUser> {
    if (!token) throw new AppError('TG_ERR_UNAUTHENTICATED');
    const hash = sha256(token);
    const cached = this.sessions.get(hash);
    const age = cached ? now - cached.cachedAt : -1;
    if (cached && age >= 0 && age < SESSION_CACHE_MS && cached.expiresAt > now) {
      await this.renew(hash, cached, now);
      return cached.user;
    }
    if (cached) this.sessions.delete(hash);
    const generation = this.generation;
    const session = await this.knex('sessions').where({ token_hash: hash }).first();
    if (!session) throw new AppError('TG_ERR_UNAUTHENTICATED');
    if (Number(session.expires_at) <= now) {
      await this.knex('sessions').where({ token_hash: session.token_hash }).delete();
      throw new AppError('TG_ERR_SESSION_EXPIRED');
    }
    const row = await this.knex('users').where({ id: session.user_id }).first();
    if (!row || !row.enabled) throw new AppError('TG_ERR_UNAUTHENTICATED');
    const entry: CachedSession = { user: toUser(row), expiresAt: Number(session.expires_at), cachedAt: now };
    await this.renew(hash, entry, now);
    if (generation === this.generation) this.remember(hash, entry);
    return entry.user;
  }

  /** Slides the session's expiry, at most once a minute. */
  private async renew(hash: string, session: CachedSession, now: number): Promise<void> {
    const renewed = now + this.config.sessionTtlMinutes * 60_000;
    if (renewed - session.expiresAt > 60_000) {
      session.expiresAt = renewed;
      await this.knex('sessions').where({ token_hash: hash }).update({ expires_at: renewed });
    }
  }

  private remember(hash: string, entry: CachedSession): void {
    if (this.sessions.size >= SESSION_CACHE_MAX) {
      for (const [key, s] of this.sessions) if (!(entry.cachedAt - s.cachedAt < SESSION_CACHE_MS)) this.sessions.delete(key);
      if (this.sessions.size >= SESSION_CACHE_MAX) this.sessions.clear();
    }
    this.sessions.set(hash, entry);
  }
}

function toUser(row: Record<string, unknown>): SessionUser {
  return { id: String(row.id), login: String(row.login), name: String(row.name), department: String(row.department), roles: parseJson<string[]>(row.roles) };
}
