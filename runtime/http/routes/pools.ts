import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { PoolService, Pools, type PoolKind } from '../../pools/poolService.js';
import type { Services } from '../context.js';

const PoolParams = Type.Object({ pool: Type.Union(Pools.map((p) => Type.Literal(p))) }, { additionalProperties: false });
// query strings are not coerced (buildServer): page numbers arrive as digit strings
const Page = Type.Object({
  limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '1..200, default 50' })),
  offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$', description: 'default 0' })),
}, { additionalProperties: false });

/** Pools: extraction of tickets (ACC-5, ACC-10, DSP-1). */
export async function poolRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const pools = new PoolService(services.knex, services.bundles, services.clock);

  app.get('/api/pools/:pool', {
    schema: { tags: ['pools'], summary: 'The unassigned tickets of the acceptance or dispatch pool at your center (ACC-10, DSP-1)', params: PoolParams, querystring: Page },
  }, async (request) => {
    const { pool } = request.params as { pool: PoolKind };
    const query = request.query as { limit?: string; offset?: string };
    return pools.list(request.user!, pool, { limit: Math.min(200, Number(query.limit ?? 50)), offset: Number(query.offset ?? 0) });
  });

  app.post('/api/pools/:pool/extract', {
    schema: { tags: ['pools'], summary: 'Extract EXTRACT_ACCEPT_CASE_NUMBER tickets from the pool and assign them to yourself (ACC-5)', params: PoolParams },
  }, async (request) => {
    return pools.extract(request.user!, (request.params as { pool: PoolKind }).pool);
  });
}
