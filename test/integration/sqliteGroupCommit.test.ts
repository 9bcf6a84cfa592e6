import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../runtime/config.js';
import { createOrm, migrate, type Database } from '../../runtime/db/createOrm.js';
import { execute, insertRows, selectRows, transaction } from '../../runtime/db/directSql.js';

/**
 * The embedded database's transactions share commits when they queue (runtime/db/sqliteGroupCommit):
 * each caller still learns of success only once its writes are committed, and one that fails loses
 * only its own writes.
 */
describe('SQLite group commit', () => {
  let dir: string;
  let db: Database;
  /** A second connection to the same file: it sees only what was committed. */
  let outside: Sqlite.Database;
  const commits: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tongguan-group-'));
    const config = loadConfig({ DATA_DIR: dir });
    db = await createOrm(config);
    await migrate(db);
    outside = new Sqlite(config.database.dialect === 'sqlite' ? config.database.file : '', { readonly: true });
    // count the COMMITs sent on the one connection
    const client = (db.knex as unknown as { client: { acquireConnection(): Promise<{ prepare(sql: string): unknown }>; releaseConnection(c: unknown): Promise<unknown> } }).client;
    const connection = await client.acquireConnection();
    const prepare = connection.prepare.bind(connection);
    connection.prepare = (sql: string) => {
      if (sql === 'commit') commits.push(sql);
      return prepare(sql);
    };
    await client.releaseConnection(connection);
  }, 60_000);

  afterAll(async () => {
    outside?.close();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await execute(db.knex, 'delete from `sequences`');
    commits.length = 0;
  });

  const committed = (name: string) => outside.prepare('select `value` from `sequences` where `name` = ?').get(name) as { value: number } | undefined;

  it('transactions that queue share one commit, and each resolves only once its row is committed', async () => {
    const seenAtResolve: (number | undefined)[] = [];
    await Promise.all(Array.from({ length: 20 }, (_, i) => transaction(db.knex, async (trx) => {
      await insertRows(trx, 'sequences', [{ name: `n${i}`, value: i }]);
      return i;
    }).then((value) => {
      expect(value).toBe(i);
      seenAtResolve.push(committed(`n${i}`)?.value);
    })));
    expect(seenAtResolve.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(commits.length).toBeGreaterThan(0);
    expect(commits.length).toBeLessThan(20);
  });

  it('a transaction that throws loses only its own writes; the others of its group commit', async () => {
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => transaction(db.knex, async (trx) => {
      await insertRows(trx, 'sequences', [{ name: `m${i}`, value: i }]);
      if (i === 2) throw new Error('refused after writing');
      // a statement the database refuses: the row is there already
      if (i === 4) await insertRows(trx, 'sequences', [{ name: 'm0', value: 99 }]);
      return i;
    })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ message: 'refused after writing' });
    expect(String((results[4] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    const rows = await selectRows<{ name: string; value: number }>(db.knex, 'select `name`, `value` from `sequences` order by `name`');
    expect(rows).toEqual([{ name: 'm0', value: 0 }, { name: 'm1', value: 1 }, { name: 'm3', value: 3 }, { name: 'm5', value: 5 }]);
    expect(committed('m2')).toBeUndefined();
  });

  it('statements outside a transaction and knex transactions wait for the group instead of landing in it', async () => {
    const work = Array.from({ length: 10 }, (_, i) => transaction(db.knex, async (trx) => {
      await insertRows(trx, 'sequences', [{ name: `g${i}`, value: i }]);
    }));
    // knex's own transaction sends BEGIN: inside an open group it would fail
    const knexTrx = db.knex.transaction(async (trx) => {
      await trx('sequences').insert({ name: 'k', value: 1 });
    });
    // a single statement is committed on its own (autocommit) once it gets the connection
    const single = execute(db.knex, 'insert into `sequences` (`name`, `value`) values (?, ?)', ['s', 2]).then(() => committed('s')?.value);
    await Promise.all(work);
    await knexTrx;
    expect(await single).toBe(2);
    expect(committed('k')?.value).toBe(1);
    expect(Array.from({ length: 10 }, (_, i) => committed(`g${i}`)?.value)).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });
});
