import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.js';

/** Organisation: departments, grids and users (ORG-1..4), user import (ORG-3). */
export async function orgRoutes(_app: FastifyInstance, _services: Services): Promise<void> {}
