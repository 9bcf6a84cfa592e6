import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { OPINION_MAX_LENGTH, OpinionService } from '../../opinions/opinionService.js';
import type { Services } from '../context.js';

const CreateOpinion = Type.Object({ text: Type.String({ minLength: 1, maxLength: OPINION_MAX_LENGTH }) }, { additionalProperties: false });
const OpinionId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

/** 常用意见 (ACC-1): each user's saved opinions. */
export async function opinionRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const opinions = new OpinionService(services.knex, services.clock);

  app.get('/api/opinions', { schema: { tags: ['opinions'], summary: 'Your common opinions, newest first' } },
    async (request) => ({ opinions: await opinions.list(request.user!) }));

  app.post('/api/opinions', { schema: { tags: ['opinions'], summary: `Save a common opinion (≤ ${OPINION_MAX_LENGTH} characters; 409 when you saved it already)`, body: CreateOpinion } },
    async (request, reply) => reply.status(201).send(await opinions.create(request.user!, (request.body as { text: string }).text)));

  app.delete('/api/opinions/:id', { schema: { tags: ['opinions'], summary: 'Delete one of your common opinions', params: OpinionId } },
    async (request, reply) => {
      await opinions.remove(request.user!, (request.params as { id: string }).id);
      return reply.status(204).send();
    });
}
