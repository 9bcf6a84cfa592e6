import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Services } from './context.js';
import { installErrorHandler } from './errorHandler.js';
import { attachmentRoutes } from './routes/attachments.js';
import { authRoutes, bearer } from './routes/auth.js';
import { healthRoutes } from './routes/health.js';
import { mergeRoutes } from './routes/merge.js';
import { definitionRoutes } from './routes/definitions.js';
import { exportRoutes } from './routes/exports.js';
import { messageRoutes } from './routes/messages.js';
import { opinionRoutes } from './routes/opinions.js';
import { orgRoutes } from './routes/org.js';
import { poolRoutes } from './routes/pools.js';
import { recommendationRoutes } from './routes/recommendations.js';
import { reporterRoutes } from './routes/reporters.js';
import { studioRoutes } from './routes/studio.js';
import { studioToolRoutes } from './routes/studioTools.js';
import { ticketRoutes } from './routes/tickets.js';
import { viewRoutes } from './routes/views.js';
import { webRoutes } from './routes/web.js';
import { workbenchRoutes } from './routes/workbench.js';

/** The HTTP API (Fastify 5): JSON Schema on every route, OpenAPI at /docs, auth on everything under /api but login. */
export async function buildServer(services: Services, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    ajv: { customOptions: { allErrors: false, removeAdditional: false, coerceTypes: false } },
    bodyLimit: 1024 * 1024,
  });
  installErrorHandler(app);
  await app.register(swagger, {
    openapi: { info: { title: 'Tongguan (统管) API', version: '0.1.0' }, components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, security: [{ bearer: [] }] },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.addHook('onRequest', async (request) => {
    const isPublic = (request.routeOptions.config as { public?: boolean } | undefined)?.public;
    if (!request.url.startsWith('/api/') || isPublic) return;
    request.user = await services.auth.authenticate(bearer(request), services.clock());
  });
  await healthRoutes(app);
  await authRoutes(app, services);
  await ticketRoutes(app, services);
  await orgRoutes(app, services);
  await viewRoutes(app, services);
  await definitionRoutes(app, services);
  await studioRoutes(app, services);
  await studioToolRoutes(app, services);
  await poolRoutes(app, services);
  await mergeRoutes(app, services);
  await attachmentRoutes(app, services);
  await exportRoutes(app, services);
  await messageRoutes(app, services);
  await opinionRoutes(app, services);
  await reporterRoutes(app, services);
  await recommendationRoutes(app, services);
  await workbenchRoutes(app, services);
  await webRoutes(app, services.config.webDir);
  return app;
}
