import type { Knex } from '@mikro-orm/knex';
import type { BundleStore } from '../app/bundleStore.js';
import type { AuthService, SessionUser } from '../auth/authService.js';
import type { RuntimeConfig } from '../config.js';
import type { OutboxProcessor } from '../outbox/outboxProcessor.js';
import type { TicketService } from '../tickets/ticketService.js';

/** What routes use; built once by createApp. */
export interface Services {
  readonly config: RuntimeConfig;
  readonly knex: Knex;
  readonly bundles: BundleStore;
  readonly auth: AuthService;
  readonly tickets: TicketService;
  /** After-commit work: messages from the outbox (processOutbox also runs on a timer). */
  readonly outbox: OutboxProcessor;
  readonly clock: () => number;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: SessionUser;
  }
}
