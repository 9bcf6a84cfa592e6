import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { Migrator } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { RuntimeConfig } from '../config.js';
import { entities } from './entities/index.js';
import { DirectMariaDbDriver } from './mariadbDriver.js';

export type Dialect = RuntimeConfig['database']['dialect'];

export const migrationsDir = (dialect: Dialect) => resolve(dirname(new URL(import.meta.url).pathname), '../../migrations', dialect);

async function migrationsList(dialect: Dialect) {
  const mod = dialect === 'sqlite' ? await import('../../migrations/sqlite/index.js') : await import('../../migrations/mariadb/index.js');
  return mod.migrations;
}

export interface Database {
  readonly orm: MikroORM;
  readonly dialect: Dialect;
  /** The query builder the hot path uses directly (MikroORM's unit of work stays off it). */
  readonly knex: Knex;
  em(): SqlEntityManager;
  close(): Promise<void>;
}

/**
 * MariaDB connections (knex pool). Each open transaction holds one; more than the server has cores
 * to run them only adds lock waits, fewer leaves requests queueing while others wait for the network.
 */
const MARIADB_POOL = 20;

/** Prepared statements kept per SQLite connection (the hot path uses a few dozen distinct texts). */
const STATEMENT_CACHE = 500;

/** What tuneSqlite uses of a better-sqlite3 connection. */
interface SqliteConnection {
  pragma(source: string): unknown;
  prepare(sql: string): unknown;
}

/**
 * The embedded database's one connection: write-ahead log, wait for a busy file, synchronous=NORMAL
 * (under WAL a commit is still atomic and survives a crash of the process; only a power cut may lose
 * the last commits), a checkpoint every 10,000 WAL pages instead of 1,000 (the WAL file grows to
 * about 40 MB between checkpoints; checkpoints copy the hot pages once instead of ten times), and a
 * cache of prepared statements: knex prepares every query anew, and SQLite spent more time
 * compiling the hot path's statements than running them.
 */
function tuneSqlite(conn: SqliteConnection): undefined {
  conn.pragma('journal_mode = WAL');
  conn.pragma('busy_timeout = 5000');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('wal_autocheckpoint = 10000');
  const prepare = conn.prepare.bind(conn);
  const statements = new Map<string, unknown>();
  conn.prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
    } else {
      statements.delete(sql); // least recently used goes first
    }
    statements.set(sql, statement);
    return statement;
  };
  return undefined;
}

/** Opens the configured database. Migrations are applied explicitly (`migrate`), never synced implicitly. */
export async function createOrm(config: RuntimeConfig, options: { generating?: boolean; debug?: boolean } = {}): Promise<Database> {
  const { database } = config;
  const dialect = database.dialect;
  const migrations = options.generating
    ? { path: migrationsDir(dialect), pathTs: migrationsDir(dialect), emit: 'ts' as const, snapshot: false, transactional: true }
    // MySQL commits DDL implicitly, so only SQLite can run a migration in one transaction
    : { migrationsList: await migrationsList(dialect), transactional: dialect === 'sqlite', snapshot: false, silent: true };
  const common: Partial<Options> = {
    entities,
    discovery: { warnWhenNoEntities: true },
    extensions: [Migrator],
    migrations,
    debug: options.debug ?? false,
    allowGlobalContext: false,
  };
  let orm: MikroORM;
  if (database.dialect === 'sqlite') {
    await mkdir(dirname(database.file), { recursive: true });
    const pool = { min: 1, max: 1, afterCreate: (conn: SqliteConnection, done: (e?: Error) => void) => done(tuneSqlite(conn)) };
    orm = await MikroORM.init({ ...common, driver: BetterSqliteDriver, dbName: database.file, pool } as Options);
  } else {
    orm = await MikroORM.init({ ...common, driver: DirectMariaDbDriver, clientUrl: database.url, pool: { min: 2, max: MARIADB_POOL } } as Options);
  }
  const em = () => orm.em.fork() as SqlEntityManager;
  return {
    orm, dialect, knex: (orm.em as unknown as SqlEntityManager).getKnex(), em,
    close: () => orm.close(true),
  };
}

/** Applies pending migrations; returns their names. */
export async function migrate(db: Database): Promise<string[]> {
  const applied = await db.orm.getMigrator().up();
  return applied.map((m) => m.name);
}
