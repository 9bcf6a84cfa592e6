import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { TaskMergeService, type TaskMergeInput } from '../../merge/taskMergeService.js';
import { TicketMergeService, type TicketMergeInput } from '../../merge/ticketMergeService.js';
import type { Services } from '../context.js';

const Id = Type.String({ minLength: 1, maxLength: 40 });
const Params = Type.Object({ id: Id });
const Versions = Type.Record(Type.String(), Type.Integer({ minimum: 1 }), { description: 'ticket id → the version the client saw (409 on a mismatch)' });
const TicketMerge = Type.Object({
  ticketIds: Type.Array(Id, { minItems: 1, maxItems: 50, description: 'the tickets to merge (the current one and the ones picked); at least two with `main`' }),
  main: Type.Optional(Id),
  versions: Type.Optional(Versions),
}, { additionalProperties: false });
const TaskMerge = Type.Object({
  taskIds: Type.Array(Id, { minItems: 2, maxItems: 50 }),
  versions: Type.Optional(Versions),
}, { additionalProperties: false });
/** The body may be left out (Fastify validates a missing body as null). */
const Split = Type.Union([Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }), Type.Null()]);

/** ACC-3 ticket merge and HND-3 task merge: candidate lists, merge and manual split (拆单). */
export async function mergeRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const tickets = new TicketMergeService(services.knex, services.bundles, services.clock);
  const tasks = new TaskMergeService(services.knex, services.bundles, services.clock);
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;
  const versionOf = (request: { body: unknown }) => (request.body as { version?: number } | null)?.version;

  app.get('/api/tickets/:id/merge-candidates', {
    schema: { tags: ['merge'], summary: 'ACC-3: merged mains (已合并) and unmerged tickets (未合并) of the same grid, channel and source center', params: Params },
  }, async (request) => tickets.candidates(request.user!, idOf(request)));

  app.post('/api/tickets/merge', {
    schema: { tags: ['merge'], summary: 'ACC-3: merge tickets; the main is `main` or chosen by status, then the earliest report', body: TicketMerge },
  }, async (request) => tickets.merge(request.user!, request.body as TicketMergeInput));

  app.post('/api/tickets/:id/split', {
    schema: { tags: ['merge'], summary: 'ACC-3: split a merged follower ticket; it keeps its state and runs alone', params: Params, body: Split },
  }, async (request) => tickets.split(request.user!, idOf(request), versionOf(request)));

  app.get('/api/tasks/:id/merge-candidates', {
    schema: { tags: ['merge'], summary: 'HND-3: merged main tasks and unmerged tasks of the same department on matching tickets in handling', params: Params },
  }, async (request) => tasks.candidates(request.user!, idOf(request)));

  app.post('/api/tasks/merge', {
    schema: { tags: ['merge'], summary: 'HND-3: merge tasks of one department; the task created first is the main', body: TaskMerge },
  }, async (request) => tasks.merge(request.user!, request.body as TaskMergeInput));

  app.post('/api/tasks/:id/split', {
    schema: { tags: ['merge'], summary: 'HND-3: split a merged follower task; it keeps its step and runs alone', params: Params, body: Split },
  }, async (request) => tasks.split(request.user!, idOf(request), versionOf(request)));
}
