import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.js';

/** Pools: extraction of tickets (ACC-5, ACC-10, DSP-1). */
export async function poolRoutes(_app: FastifyInstance, _services: Services): Promise<void> {}
