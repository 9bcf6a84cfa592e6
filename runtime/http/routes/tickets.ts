import { AppError } from '../../errors.js';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.js';
import { batchRegister, MAX_BATCH } from '../../tickets/batchRegister.js';
import { changeRecords, redactHistory } from '../../tickets/changeRecords.js';
import { ticketSla } from '../../tickets/slaView.js';
import { previewExtension } from '../../../engine/index.js';
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

// a malformed form fails the whole request (400) before anything is registered; per-form outcomes are for the engine's answers
const Batch = Type.Object({
  tickets: Type.Array(Register, { minItems: 1, maxItems: MAX_BATCH }),
}, { additionalProperties: false });

const Act = Type.Object({
  button: Type.String({ minLength: 1 }),
  target: Type.Optional(Type.Object({ kind: Type.Union([Type.Literal('ticket'), Type.Literal('task'), Type.Literal('application')]), id: Type.String({ minLength: 1 }) }, { additionalProperties: false })),
  opinion: Type.Optional(Type.String({ maxLength: 4000 })),
  payload: Type.Optional(Fields),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });

const TicketId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

const IDEMPOTENCY_KEY_MAX = 120;

/** The Idempotency-Key header; a key that cannot be kept whole is refused, never silently ignored. */
function idempotencyKey(headers: Record<string, unknown>): string | undefined {
  const key = headers['idempotency-key'];
  if (key === undefined || key === '') return undefined;
  if (typeof key !== 'string' || key.length > IDEMPOTENCY_KEY_MAX) {
    throw new AppError('TG_ERR_VALIDATION', { detail: `Idempotency-Key 最长 ${IDEMPOTENCY_KEY_MAX} 个字符 (at most ${IDEMPOTENCY_KEY_MAX} characters)` }, [{ pointer: '/headers/idempotency-key', message: `at most ${IDEMPOTENCY_KEY_MAX} characters` }]);
  }
  return key;
}

export async function ticketRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post('/api/tickets', { schema: { tags: ['tickets'], summary: 'Register a ticket (ACC-1) and apply its handling method', body: Register } }, async (request, reply) => {
    const result = await services.tickets.register(request.user!, request.body as RegisterInput, idempotencyKey(request.headers));
    return reply.status(201).send(result);
  });

  /*
   * ACC-1 提交全部 / 全部暂存. Multi-status semantics without the 207 status: the answer is 200 when
   * the request itself was understood, and each form carries its own outcome ({ ok, status, ticket }
   * or { ok: false, status, error }); the forms that passed stay registered whatever the others did.
   * 207 is WebDAV's and most HTTP clients treat it as an odd success anyway; a plain 200 with
   * per-item statuses says the same and keeps the client's error handling for whole-request failures.
   */
  app.post('/api/tickets/batch', { schema: { tags: ['tickets'], summary: `Register 1–${MAX_BATCH} tickets at once (ACC-1 submit all / save all); one outcome per form`, body: Batch } }, async (request) => {
    const { tickets } = request.body as { tickets: RegisterInput[] };
    return batchRegister(services.tickets, request.user!, tickets, idempotencyKey(request.headers), (err, index) => request.log.error({ err, index }, 'batch registration failed'));
  });

  app.get('/api/tickets/:id', { schema: { tags: ['tickets'], summary: 'Ticket detail with tasks, applications, timeline, change records, SLA explanation and available buttons', params: TicketId } }, async (request) => {
    const detail = await services.tickets.detail(request.user!, (request.params as { id: string }).id);
    const cb = await services.bundles.compiledFor(detail.ticket.bundleHash);
    return {
      ...detail,
      history: redactHistory(detail.history, detail.reporterVisibility),
      // ACC-5/X-1: the edit records (修改记录), flat
      changes: changeRecords(detail.history, detail.reporterVisibility),
      // overall and stage deadlines with their explanation
      sla: ticketSla(cb, detail, services.clock()),
      // HND-6/REV-3: an undecided extension's new stage deadline and the warning when it passes the overall one
      extensionPreviews: Object.fromEntries(detail.applications
        .filter((a) => a.kind === 'extension' && a.decidedAt === undefined)
        .map((a) => [a.id, previewExtension(cb, detail, a.id, services.clock())])),
    };
  });

  app.post('/api/tickets/:id/actions', { schema: { tags: ['tickets'], summary: 'Press a button on the ticket, one of its tasks or applications', params: TicketId, body: Act } }, async (request) => {
    return services.tickets.act(request.user!, (request.params as { id: string }).id, request.body as ActInput, idempotencyKey(request.headers));
  });
}
