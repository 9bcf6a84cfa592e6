import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { lookupReporter } from '../../reporters/reporterStore.js';
import type { Services } from '../context.js';

const Lookup = Type.Object({ phone: Type.String({ pattern: '^[0-9][0-9-]{2,31}$', description: 'The reporter phone as typed in the form' }) }, { additionalProperties: false });

/** ACC-1 auto-fill: a known phone fills the last report's reporter data (acceptors only). */
export async function reporterRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/api/reporters/lookup', {
    schema: { tags: ['reporters'], summary: 'The most recent reporter with this phone, or null (acceptors only)', querystring: Lookup },
  }, async (request) => ({ reporter: await lookupReporter(services.knex, request.user!, (request.query as { phone: string }).phone) }));
}
