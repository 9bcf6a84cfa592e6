import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { RuntimeConfig } from '../config.js';
import { entities } from './entities/index.js';

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
    orm = await MikroORM.init({ ...common, driver: BetterSqliteDriver, dbName: database.file } as Options);
    const knex = (orm.em as unknown as SqlEntityManager).getKnex();
    await knex.raw('PRAGMA journal_mode = WAL');
    await knex.raw('PRAGMA busy_timeout = 5000');
  } else {
    orm = await MikroORM.init({ ...common, driver: MariaDbDriver, clientUrl: database.url, pool: { min: 2, max: 20 } } as Options);
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
