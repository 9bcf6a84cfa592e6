import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mariadb';
import { createApp, type App } from '../../../runtime/app/createApp.js';
import { loadConfig } from '../../../runtime/config.js';

export type Dialect = 'sqlite' | 'mariadb';

export const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** Whether MariaDB answers; the suite fails (does not skip) in CI when it does not. */
export async function mariadbAvailable(): Promise<boolean> {
  try {
    const conn = await createConnection({ host: '127.0.0.1', port: 3306, user: 'root', connectTimeout: 2000 });
    await conn.end();
    return true;
  } catch {
    return false;
  }
}

export interface TestApp extends App {
  /** Current simulated time: tests move it, they never sleep. */
  now: number;
  login(login: string): Promise<string>;
  /** Drops the cached tokens: after a jump past the session lifetime every user logs in again. */
  forgetSessions(): void;
  dispose(): Promise<void>;
}

/** A runtime on a fresh database of the given dialect: an empty SQLite folder or a new MariaDB schema. */
export async function startTestApp(dialect: Dialect, start = Date.parse('2025-06-10T09:00:00+08:00')): Promise<TestApp> {
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'tongguan-'));
    env = { DATA_DIR: dir };
    cleanup = () => rm(dir, { recursive: true, force: true });
  } else {
    const name = `tg_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const base = new URL(MARIADB_URL);
    base.pathname = `/${name}`;
    const dir = await mkdtemp(join(tmpdir(), 'tongguan-'));
    env = { DATABASE_URL: base.toString(), DATA_DIR: dir };
    cleanup = async () => {
      await rm(dir, { recursive: true, force: true });
      const conn = await createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username || 'root'), password: decodeURIComponent(base.password) });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    };
  }
  const holder = { now: start };
  const app = await createApp(loadConfig({ ...env, DEMO_PASSWORD: 'demo-pass-1' }), { clock: () => holder.now });
  const tokens = new Map<string, string>();
  // an accessor, not Object.assign: that would copy the getter's value once and the clock would never move
  Object.defineProperty(app, 'now', { get: () => holder.now, set: (v: number) => { holder.now = v; }, enumerable: true });
  const testApp: TestApp = Object.assign(app as App & { now: number }, {
    async login(login: string) {
      const cached = tokens.get(login);
      if (cached) return cached;
      const res = await app.server.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'demo-pass-1' } });
      if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.statusCode} ${res.body}`);
      const token = (res.json() as { token: string }).token;
      tokens.set(login, token);
      return token;
    },
    forgetSessions() {
      tokens.clear();
    },
    async dispose() {
      await app.close();
      await cleanup();
    },
  });
  return testApp;
}
