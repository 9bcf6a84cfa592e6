import type { FastifyInstance } from 'fastify';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', { schema: { tags: ['system'], summary: 'Ready check' } }, async () => ({ status: 'ok' }));
}
