import type { FastifyInstance } from 'fastify';
import { AuthService } from '../auth/authService.js';
import type { RuntimeConfig } from '../config.js';
import { createOrm, migrate, type Database } from '../db/createOrm.js';
import type { Services } from '../http/context.js';
import { buildServer } from '../http/buildServer.js';
import { OutboxProcessor } from '../outbox/outboxProcessor.js';
import { TicketService } from '../tickets/ticketService.js';
import { BundleStore } from './bundleStore.js';
import { seed, type SeedResult } from './seed.js';

export interface App {
  readonly server: FastifyInstance;
  readonly db: Database;
  readonly services: Services;
  readonly seeded: SeedResult;
  readonly migrations: string[];
  close(): Promise<void>;
}

/** Opens the database, applies migrations, seeds the first start and builds the HTTP server. */
export async function createApp(config: RuntimeConfig, options: { clock?: () => number; logger?: boolean; outboxIntervalMs?: number } = {}): Promise<App> {
  const clock = options.clock ?? Date.now;
  const db = await createOrm(config);
  try {
    if (db.dialect === 'mariadb') await db.orm.schema.ensureDatabase();
    const migrations = await migrate(db);
    const bundles = new BundleStore(db.knex);
    const seeded = await seed(db.knex, bundles, config.demoPassword, clock());
    const services: Services = {
      config, knex: db.knex, bundles, clock,
      auth: new AuthService(db.knex, config),
      tickets: new TicketService(db.knex, bundles, clock),
      outbox: new OutboxProcessor(db.knex, bundles, clock),
    };
    services.tickets.afterCommit = () => void services.outbox.processOutbox();
    const server = await buildServer(services, { logger: options.logger ?? false });
    services.outbox.start(options.outboxIntervalMs ?? 2_000);
    return {
      server, db, services, seeded, migrations,
      async close() {
        await services.outbox.stop();
        await server.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
