import type { FastifyInstance } from 'fastify';
import { AuthService } from '../auth/authService.js';
import type { RuntimeConfig } from '../config.js';
import { createOrm, migrate, type Database } from '../db/createOrm.js';
import type { Services } from '../http/context.js';
import { buildServer } from '../http/buildServer.js';
import { MESSAGE_EFFECTS } from '../outbox/messageOf.js';
import { OutboxProcessor } from '../outbox/outboxProcessor.js';
import { ClusterEvents } from '../pubsub/clusterEvents.js';
import { createPubSub } from '../pubsub/createPubSub.js';
import type { PubSub } from '../pubsub/pubSub.js';
import { TicketService } from '../tickets/ticketService.js';
import { BundleStore } from './bundleStore.js';
import { seed, type SeedResult } from './seed.js';

const DELIVERED = new Set<string>(MESSAGE_EFFECTS);

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
  let pubsub: PubSub | undefined;
  try {
    pubsub = await createPubSub(config);
    if (db.dialect === 'mariadb') await db.orm.schema.ensureDatabase();
    const migrations = await migrate(db);
    const bundles = new BundleStore(db.knex, clock);
    const seeded = await seed(db.knex, bundles, config.demoPassword, clock());
    const services: Services = {
      config, knex: db.knex, bundles, clock,
      auth: new AuthService(db.knex, config),
      tickets: new TicketService(db.knex, bundles, clock),
      outbox: new OutboxProcessor(db.knex, bundles, clock),
    };
    // users, roles and departments are part of a session's answer: a change drops the session cache
    bundles.onOrgChanged(() => services.auth.forgetSessions());
    // the other processes on this database (REDIS_URL) hear of publishes, organisation changes and logouts
    const cluster = new ClusterEvents(pubsub);
    await cluster.listen((event) => (event === 'sessions' ? services.auth.forgetSessions() : bundles.changedElsewhere(event)));
    bundles.announce = (event) => cluster.announce(event);
    services.auth.announce = () => cluster.announce('sessions');
    // after the response is on its way, and only when the action wrote something the processor
    // delivers (messages); retries of failed rows come with the timer
    services.tickets.afterCommit = (effects) => {
      if (effects.some((e) => DELIVERED.has(e.type))) setImmediate(() => void services.outbox.processOutbox());
    };
    const server = await buildServer(services, { logger: options.logger ?? false });
    services.outbox.start(options.outboxIntervalMs ?? 2_000);
    return {
      server, db, services, seeded, migrations,
      async close() {
        await services.outbox.stop();
        await server.close();
        await pubsub?.close();
        await db.close();
      },
    };
  } catch (e) {
    await pubsub?.close();
    await db.close();
    throw e;
  }
}
