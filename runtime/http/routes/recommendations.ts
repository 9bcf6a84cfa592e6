import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { KnowledgeService, type KnowledgeInput } from '../../recommendations/knowledgeService.js';
import { RecommendationService, type RecommendationInput } from '../../recommendations/recommendationService.js';
import type { Services } from '../context.js';

const Recommend = Type.Object({
  domain: Type.String({ minLength: 1, maxLength: 80 }),
  title: Type.String({ maxLength: 200 }),
  description: Type.String({ maxLength: 4000 }),
  phone: Type.Optional(Type.String({ maxLength: 32 })),
  grid: Type.Optional(Type.String({ maxLength: 80 })),
  channel: Type.Optional(Type.String({ maxLength: 40 })),
}, { additionalProperties: false });

const Article = Type.Object({
  topic: Type.String({ minLength: 1, maxLength: 80 }),
  title: Type.String({ minLength: 1, maxLength: 255 }),
  body: Type.String({ minLength: 1, maxLength: 20000 }),
  keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 50 })),
  enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
const ArticleId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
const ArticleQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Matches title, body, topic or keywords' })),
  topic: Type.Optional(Type.String({ maxLength: 80 })),
}, { additionalProperties: false });

/** ACC-2: recommendations beside the registration form and the knowledge base (知识库) behind them. */
export async function recommendationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const knowledge = new KnowledgeService(services.knex, services.clock);
  const recommendations = new RecommendationService(services.knex, services.bundles, services.config.database.dialect, knowledge, services.clock);

  app.post('/api/tickets/recommendations', {
    schema: { tags: ['tickets'], summary: 'ACC-2: duplicate and history tickets, suggested items and knowledge for a registration being typed', body: Recommend },
  }, async (request) => recommendations.recommend(request.user!, request.body as RecommendationInput));

  app.get('/api/knowledge', { schema: { tags: ['knowledge'], summary: 'Knowledge articles (administrators also see disabled ones)', querystring: ArticleQuery } },
    async (request) => ({ articles: await knowledge.list(request.user!, request.query as { q?: string; topic?: string }) }));
  app.get('/api/knowledge/:id', { schema: { tags: ['knowledge'], summary: 'One knowledge article', params: ArticleId } },
    async (request) => knowledge.get(request.user!, (request.params as { id: string }).id));
  app.post('/api/knowledge', { schema: { tags: ['knowledge'], summary: 'Add a knowledge article (admin)', body: Article } },
    async (request, reply) => reply.status(201).send(await knowledge.create(request.user!, request.body as KnowledgeInput)));
  app.put('/api/knowledge/:id', { schema: { tags: ['knowledge'], summary: 'Replace a knowledge article; enabled: false hides it (admin)', params: ArticleId, body: Article } },
    async (request) => knowledge.update(request.user!, (request.params as { id: string }).id, request.body as KnowledgeInput));
}
