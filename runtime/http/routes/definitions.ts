import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.js';

/** Definitions: drafts, validate, lint, publish, versions and diffs (DEF-*, DESIGN principle 2). */
export async function definitionRoutes(_app: FastifyInstance, _services: Services): Promise<void> {}
