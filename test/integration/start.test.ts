import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../runtime/cli/commands/start.js';
import { loadConfig } from '../../runtime/config.js';

describe('npm start on a fresh clone (embedded SQLite)', () => {
  it('creates data/tongguan.sqlite, serves /health, prints the demo logins and keeps the data on a second start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tongguan-start-'));
    try {
      const config = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' });
      let out = '';
      const io = { out: (s: string) => { out += s; }, err: () => {} };
      const first = await startServer(config, io);
      expect((await stat(join(dir, 'tongguan.sqlite'))).isFile()).toBe(true);
      expect(out).toMatch(/Tongguan \(统管\) is running at http:\/\/127\.0\.0\.1:\d+/);
      expect(out).toMatch(/Workbench \(工作台\): http:\/\/127\.0\.0\.1:\d+\/ {4}Studio \(配置中心, admin\): http:\/\/127\.0\.0\.1:\d+\/studio\//);
      expect(out).toMatch(/Loaded the demo organisation\. Log in with password "Tongguan@2024" as:\n {2}zjg\.acceptor/);
      const health = await fetch(`${first.url}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const login = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'zjg.acceptor', password: 'Tongguan@2024' }) });
      expect(login.status).toBe(200);
      await first.app.close();

      out = '';
      const second = await startServer(config, io);
      expect(second.app.seeded).toEqual({ published: false, orgSeeded: false });
      expect(second.app.migrations).toEqual([]);
      await second.app.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says at start that ELASTICSEARCH_URL is not used (searches run in the database)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tongguan-start-'));
    try {
      let err = '';
      const io = { out: () => {}, err: (s: string) => { err += s; } };
      const plain = await startServer(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' }), io);
      await plain.app.close();
      expect(err).toBe('');
      const withEs = await startServer(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', ELASTICSEARCH_URL: 'http://127.0.0.1:9200' }), io);
      await withEs.app.close();
      expect(err).toMatch(/^ELASTICSEARCH_URL is set, but this version has no Elasticsearch index: .*not used\.\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a DATABASE_URL it cannot use, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL: unsupported database "postgres"/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT: must be an integer/);
  });
});
