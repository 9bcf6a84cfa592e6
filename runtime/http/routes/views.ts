import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.js';

/** Generated list screens: views, tabs, counts, filters, paging, export (ACC/DSP/HND/REV/CLS lists, X-3, X-4). */
export async function viewRoutes(_app: FastifyInstance, _services: Services): Promise<void> {}
