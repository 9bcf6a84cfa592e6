import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.js';
import type { ActInput, RegisterInput } from '../../tickets/ticketService.js';

const Fields = Type.Record(Type.String(), Type.Unknown());
const Register = Type.Object({
  domain: Type.String({ minLength: 1 }),
  item: Type.String({ minLength: 1 }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  channel: Type.String({ minLength: 1 }),
  reportedAt: Type.Optional(Type.Number()),
  grid: Type.Optional(Type.String()),
  urgency: Type.Optional(Type.Union([Type.Literal('normal'), Type.Literal('urgent'), Type.Literal('veryUrgent')])),
  difficult: Type.Optional(Type.Boolean()),
  callbackWanted: Type.Optional(Type.Boolean()),
  confidential: Type.Optional(Type.Boolean()),
  source: Type.Optional(Type.Union([Type.Literal('center'), Type.Literal('grid'), Type.Literal('other')])),
  fields: Fields,
  button: Type.String({ minLength: 1 }),
  opinion: Type.Optional(Type.String({ maxLength: 4000 })),
  payload: Type.Optional(Fields),
}, { additionalProperties: false });

const Act = Type.Object({
  button: Type.String({ minLength: 1 }),
  target: Type.Optional(Type.Object({ kind: Type.Union([Type.Literal('ticket'), Type.Literal('task'), Type.Literal('application')]), id: Type.String({ minLength: 1 }) }, { additionalProperties: false })),
  opinion: Type.Optional(Type.String({ maxLength: 4000 })),
  payload: Type.Optional(Fields),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });

const TicketId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

function idempotencyKey(headers: Record<string, unknown>): string | undefined {
  const key = headers['idempotency-key'];
  return typeof key === 'string' && key.length > 0 && key.length <= 120 ? key : undefined;
}

export async function ticketRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post('/api/tickets', { schema: { tags: ['tickets'], summary: 'Register a ticket (ACC-1) and apply its handling method', body: Register } }, async (request, reply) => {
    const result = await services.tickets.register(request.user!, request.body as RegisterInput, idempotencyKey(request.headers));
    return reply.status(201).send(result);
  });

  app.get('/api/tickets/:id', { schema: { tags: ['tickets'], summary: 'Ticket detail with tasks, applications, timeline and available buttons', params: TicketId } }, async (request) => {
    return services.tickets.detail(request.user!, (request.params as { id: string }).id);
  });

  app.post('/api/tickets/:id/actions', { schema: { tags: ['tickets'], summary: 'Press a button on the ticket, one of its tasks or applications', params: TicketId, body: Act } }, async (request) => {
    return services.tickets.act(request.user!, (request.params as { id: string }).id, request.body as ActInput, idempotencyKey(request.headers));
  });
}
