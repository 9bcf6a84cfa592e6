import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CHECK_MS } from '../../runtime/app/bundleStore.js';
import { createApp, type App } from '../../runtime/app/createApp.js';
import { ConfigError, loadConfig } from '../../runtime/config.js';
import { LocalPubSub } from '../../runtime/pubsub/localPubSub.js';
import type { PubSub } from '../../runtime/pubsub/pubSub.js';
import { RedisPubSub } from '../../runtime/pubsub/redisPubSub.js';
import { MARIADB_URL } from './support/testApp.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Waits until `check` holds (messages cross Redis asynchronously); fails after two seconds. */
async function eventually(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let waited = 0; waited < 2_000; waited += 20) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(await check(), 'condition still false after 2 s').toBe(true);
}

/** The contract both implementations keep (STYLE 7); `pair` gives two processes' ends of one bus. */
describe.each([
  ['in-process', async () => { const bus = new LocalPubSub(); return [bus, bus] as const; }],
  ['Redis', async () => [await RedisPubSub.connect(REDIS_URL), await RedisPubSub.connect(REDIS_URL)] as const],
] as const)('pub/sub contract: %s', (_name, pair) => {
  let a: PubSub;
  let b: PubSub;
  const channel = `test-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    [a, b] = await pair();
  });
  afterAll(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  it('delivers a message to every subscriber of its channel, in order, and to no other channel', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const other: string[] = [];
    await b.subscribe(channel, (m) => first.push(m));
    await b.subscribe(channel, (m) => second.push(m));
    await b.subscribe(`${channel}-other`, (m) => other.push(m));
    await a.publish(channel, 'one');
    await a.publish(channel, 'two');
    await eventually(() => first.length === 2 && second.length === 2);
    expect([first, second, other]).toEqual([['one', 'two'], ['one', 'two'], []]);
  });
});

describe('Redis at REDIS_URL', () => {
  it('that cannot be reached fails the start with a ConfigError naming REDIS_URL, without the password', async () => {
    const failed = RedisPubSub.connect('redis://:secret@127.0.0.1:1');
    await expect(failed).rejects.toBeInstanceOf(ConfigError);
    await expect(failed).rejects.toThrow(/^REDIS_URL: cannot connect to redis:\/\/:\*\*\*@127\.0\.0\.1:1/);
  });
});

/**
 * DESIGN principle 6: two runtime processes on one MariaDB database and one Redis behave as one: what
 * one of them changes that the other holds in memory is dropped there at once. Their clocks stand
 * still, so nothing here is the caches' own time limit running out.
 */
describe('two runtime processes with REDIS_URL', () => {
  const name = `tg_cluster_${process.pid}`;
  const now = Date.parse('2025-06-10T09:00:00+08:00');
  let dir: string;
  let a: App;
  let b: App;
  const admin = () => createConnection({ host: '127.0.0.1', port: Number(new URL(MARIADB_URL).port || 3306), user: 'root' });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tongguan-cluster-'));
    const url = new URL(MARIADB_URL);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), REDIS_URL, DATA_DIR: dir, DEMO_PASSWORD: 'demo-pass-1' };
    a = await createApp(loadConfig(env), { clock: () => now });
    b = await createApp(loadConfig(env), { clock: () => now });
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    const conn = await admin();
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
    await rm(dir, { recursive: true, force: true });
  });

  const me = (app: App, token: string) => app.server.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });

  it('a logout on one ends the session on the other, which had it cached', async () => {
    const { token } = await a.services.auth.login('zjg.acceptor', 'demo-pass-1', now);
    expect((await me(b, token)).statusCode).toBe(200);
    expect((await me(b, token)).statusCode).toBe(200); // answered from b's session cache
    await a.services.auth.logout(token);
    await eventually(async () => (await me(b, token)).statusCode === 401);
  });

  it('a user disabled on one is refused by the other at once', async () => {
    const { token } = await b.services.auth.login('zjg.cgj.handler', 'demo-pass-1', now);
    expect((await me(b, token)).statusCode).toBe(200);
    const adminToken = (await a.services.auth.login('sz.admin', 'demo-pass-1', now)).token;
    const disabled = await a.server.inject({ method: 'POST', url: '/api/org/users/zjg.cgj.handler/disable', headers: { authorization: `Bearer ${adminToken}` } });
    expect(disabled.statusCode, disabled.body).toBe(200);
    await eventually(async () => (await me(b, token)).statusCode === 401);
  });

  it("a bundle published on one is the other's current bundle at once", async () => {
    const before = await b.services.bundles.current();
    expect((await a.services.bundles.current()).version).toBe(before.version);
    await a.services.bundles.publish({ ...before.bundle, hash: 'f'.repeat(64) }, 'sz.admin', now);
    await eventually(async () => (await b.services.bundles.current()).version === before.version + 1);
    expect((await b.services.bundles.current()).bundle.hash).toBe('f'.repeat(64));
  });

  it('a process without REDIS_URL checks the current version and the organisation again after CURRENT_CHECK_MS', async () => {
    let later = now;
    const c = await createApp(loadConfig({ DATABASE_URL: a.services.config.database.dialect === 'mariadb' ? a.services.config.database.url : '', DATA_DIR: dir, DEMO_PASSWORD: 'demo-pass-1' }), { clock: () => later });
    try {
      const before = await c.services.bundles.current();
      await a.services.bundles.publish({ ...before.bundle, hash: 'e'.repeat(64) }, 'sz.admin', now);
      await eventually(async () => (await b.services.bundles.current()).version === before.version + 1);
      expect((await c.services.bundles.current()).version).toBe(before.version); // no message reaches c
      later += CURRENT_CHECK_MS;
      expect((await c.services.bundles.current()).version).toBe(before.version + 1);
      // an organisation change too: a user enabled again on a is one c's engine knows after its next check
      const usersOf = async () => (await c.services.bundles.currentCompiled()).org.users.get('zjg.cgj.handler')?.enabled;
      expect(await usersOf()).toBe(false); // disabled by the test above
      const adminToken = (await a.services.auth.login('sz.admin', 'demo-pass-1', now)).token;
      const enabled = await a.server.inject({ method: 'POST', url: '/api/org/users/zjg.cgj.handler/enable', headers: { authorization: `Bearer ${adminToken}` } });
      expect(enabled.statusCode, enabled.body).toBe(200);
      expect(await usersOf()).toBe(false);
      later += CURRENT_CHECK_MS;
      expect(await usersOf()).toBe(true);
    } finally {
      await c.close();
    }
  });
});
