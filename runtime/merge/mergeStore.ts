import { isDeepStrictEqual } from 'node:util';
import type { Knex } from '@mikro-orm/knex';
import type { CompiledBundle, HistoryEvent, TaskState, TicketState, TicketWorld } from '../../engine/index.js';
import { AppError } from '../errors.js';
import { parseJson } from '../tickets/rows.js';
import { loadWorld, saveDecision } from '../tickets/ticketStore.js';

type Q = Knex | Knex.Transaction;

/** How many tickets of one grid and channel a candidate list looks at (newest reports first). */
const CANDIDATE_LIMIT = 500;

/**
 * ACC-3/HND-3 candidate pool: tickets of one grid and channel at the given nodes, found through the
 * (grid, channel) index, with their tasks (no applications: the merge rules never read them). The
 * source center lives in the stored state (trail[0]); the engine's candidate functions filter on it.
 */
export async function ticketsOfGrid(q: Q, grid: string, channel: string, nodes: readonly string[], department?: string): Promise<TicketWorld[]> {
  const rows = (await q('tickets').select('state').where({ grid, channel }).whereIn('node', nodes)
    .orderBy('reported_at', 'desc').limit(CANDIDATE_LIMIT)) as { state: unknown }[];
  const tickets = rows.map((r) => parseJson<TicketState>(r.state));
  if (tickets.length === 0) return [];
  const query = q('tasks').select('state').whereIn('ticket_id', tickets.map((t) => t.id));
  if (department) query.where({ department });
  const tasks = ((await query) as { state: unknown }[]).map((r) => parseJson<TaskState>(r.state));
  return tickets.map((ticket) => ({ ticket, tasks: tasks.filter((t) => t.ticket === ticket.id), applications: [] }));
}

/** Full worlds of the given tickets, in the order asked; a missing one is a 404. */
export async function loadWorlds(q: Q, ticketIds: readonly string[]): Promise<TicketWorld[]> {
  const worlds: TicketWorld[] = [];
  for (const id of ticketIds) {
    const world = await loadWorld(q, id);
    if (!world) throw new AppError('TG_ERR_NOT_FOUND', { what: `ticket ${id}` });
    worlds.push(world);
  }
  return worlds;
}

/** The ticket a task belongs to, or a 404. */
export async function ticketOfTask(q: Q, taskId: string): Promise<string> {
  const row = (await q('tasks').select('ticket_id').where({ id: taskId }).first()) as { ticket_id: string } | undefined;
  if (!row) throw new AppError('TG_ERR_NOT_FOUND', { what: `task ${taskId}` });
  return row.ticket_id;
}

/** One world before and after a merge, split or mirror; `touch` moves its version even when unchanged. */
export interface WorldWrite {
  readonly before: TicketWorld;
  readonly after: TicketWorld;
  readonly touch?: boolean;
}

/**
 * Writes worlds the runtime changed outside `decide` (merge, split, followers that mirror their main)
 * in the caller's transaction: new tasks at version 1, changed tasks at version + 1, and the ticket at
 * version + 1 whenever anything in its world changed (the ticket version is its world's version, see
 * touchTicket). Every update is checked against the version read, so a concurrent action is a 409.
 * Returns the worlds as written.
 */
export async function saveWorlds(trx: Knex.Transaction, writes: readonly WorldWrite[], history: readonly HistoryEvent[], now: number): Promise<TicketWorld[]> {
  const tickets: TicketState[] = [];
  const tasks: TaskState[] = [];
  const out = writes.map(({ before, after, touch }) => {
    const old = new Map(before.tasks.map((t) => [t.id, t]));
    const next = after.tasks.map((t) => {
      const prev = old.get(t.id);
      if (!prev) return { ...t, version: 1 };
      return isDeepStrictEqual(prev, t) ? prev : { ...t, version: prev.version + 1 };
    });
    const changedTasks = next.filter((t) => old.get(t.id) !== t);
    tasks.push(...changedTasks);
    if (!touch && changedTasks.length === 0 && isDeepStrictEqual(before.ticket, after.ticket)) return before;
    const ticket = { ...after.ticket, version: before.ticket.version + 1 };
    tickets.push(ticket);
    return { ...after, ticket, tasks: next };
  });
  await saveDecision(trx, { tickets, tasks, applications: [] }, history, [], now, { before: writes.map((w) => w.before) });
  return out;
}

/** What merge lists and merge answers show of a ticket (no form data: the reporter stays out of lists, X-3). */
export interface MergeTicketRow {
  readonly id: string; readonly number: string; readonly title: string; readonly node: string; readonly status: string;
  readonly center: string; readonly grid: string | null; readonly channel: string; readonly reportedAt: number;
  readonly mergedInto: string | null; readonly followers: number; readonly version: number;
}

export interface MergeTaskRow {
  readonly id: string; readonly department: string; readonly role: string; readonly node: string; readonly status: string;
  readonly createdAt: number; readonly mergedInto: string | null; readonly viaTicketMerge: boolean; readonly followers: number;
  readonly version: number; readonly ticket: MergeTicketRow;
}

export function ticketRowOf(cb: CompiledBundle, t: TicketState, followers = 0): MergeTicketRow {
  return {
    id: t.id, number: t.number, title: t.title, node: t.node, status: cb.bindingOf(t.flow, t.node)?.statusText ?? t.node,
    center: t.center, grid: t.grid ?? null, channel: t.channel, reportedAt: t.reportedAt, mergedInto: t.mergedInto ?? null,
    followers, version: t.version,
  };
}

export function taskRowOf(cb: CompiledBundle, task: TaskState, ticket: TicketState, followers = 0): MergeTaskRow {
  return {
    id: task.id, department: task.department, role: task.role, node: task.node, status: cb.bindingOf(task.flow, task.node)?.statusText ?? task.node,
    createdAt: task.createdAt, mergedInto: task.mergedInto ?? null, viaTicketMerge: task.viaTicketMerge === true, followers,
    version: task.version, ticket: ticketRowOf(cb, ticket),
  };
}
