/**
 * Development tool: writes the next migration for each dialect from the entity metadata.
 * `npx tsx runtime/db/generateMigration.ts [name]` — needs a scratch SQLite file and the local MariaDB.
 */
import { rm } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { createOrm, migrate } from './createOrm.js';

const name = process.argv[2];
for (const [dialect, env] of [
  ['sqlite', { DATABASE_URL: 'sqlite:/tmp/tongguan-migrations.sqlite' }],
  ['mariadb', { DATABASE_URL: process.env.MIGRATE_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/tongguan_migrations' }],
] as const) {
  if (dialect === 'sqlite') await rm('/tmp/tongguan-migrations.sqlite', { force: true });
  const config = loadConfig({ ...process.env, ...env });
  const db = await createOrm(config);
  if (dialect === 'mariadb') await db.orm.schema.ensureDatabase();
  await migrate(db);
  await db.close();
  const gen = await createOrm(config, { generating: true });
  const result = await gen.orm.getMigrator().createMigration(undefined, false, false, name);
  console.log(`${dialect}: ${result.fileName || 'no changes'}`);
  await gen.close();
}
