import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { mirrorFollowers, mirrorTaskFollowers, type DecideSuccess, type HistoryEvent, type RuntimeEffect, type TicketWorld } from '../../engine/index.js';
import { CLOSED_TASK_NODES } from '../../engine/decide/progress.js';
import { loadWorlds, saveWorlds } from './mergeStore.js';

/** The outbox rows a main's action writes already done: followMain handles its splitFollowers in the same transaction. */
export function handledByFollowMain(ticketId: string): (effect: RuntimeEffect) => boolean {
  return (e) => e.type === 'splitFollowers' && e.ticket === ticketId;
}

/** A 'follow' row in the follower's timeline (工单流转) for each step its ticket or its tasks took with the main. */
function followRows(before: TicketWorld, after: TicketWorld, main: TicketWorld, cause: HistoryEvent | undefined, now: number): HistoryEvent[] {
  const base = {
    ticket: after.ticket.id, center: after.ticket.center, at: now,
    ...(cause?.actor ? { actor: cause.actor } : {}), data: { main: main.ticket.id, event: cause?.event ?? null },
  };
  const rows: HistoryEvent[] = [];
  if (before.ticket.node !== after.ticket.node) {
    rows.push({ ...base, id: randomUUID(), entity: { kind: 'ticket', id: after.ticket.id }, event: 'follow', fromNode: before.ticket.node, toNode: after.ticket.node });
  }
  for (const t of after.tasks) {
    const prev = before.tasks.find((x) => x.id === t.id);
    if (prev && prev.node !== t.node) {
      rows.push({ ...base, id: randomUUID(), entity: { kind: 'task', id: t.id }, event: 'follow', fromNode: prev.node, toNode: t.node });
    }
  }
  return rows;
}

/**
 * ACC-3 / HND-3 "followers follow": right after an action's decision on a main is saved, in the same
 * transaction, brings its followers along. Ticket followers mirror the main (step, center, dispatch and
 * mirror tasks) or, when the decision emitted `splitFollowers` for the ticket (return, escalate,
 * delegate), are released where they stand; task followers mirror their main task or are released
 * when it emitted `splitFollowers` for that task (complete, extend, suspend, transfer, return, assist)
 * or closed without one (withdrawn).
 * `ids` are the main's followers in a stable order, as loadWorldAndFollowers read them with the main
 * in this transaction (nothing to do for most mains). Followers are written with version checks.
 * Returns the ids of those that still follow afterwards.
 * The `splitFollowers` outbox rows are handled here, so the caller writes them done
 * (saveDecision with handledByFollowMain): an update that looked for them by ticket and type would
 * walk every pending outbox row and, on MariaDB, deadlock concurrent actions on its gap locks.
 */
export async function followMain(trx: Knex.Transaction, result: DecideSuccess, now: number, ids: readonly string[]): Promise<string[]> {
  const main = result.world;
  const splits = result.effects.filter((e) => e.type === 'splitFollowers' && e.ticket === main.ticket.id);
  if (ids.length === 0) return [];
  const before = await loadWorlds(trx, ids);
  const splitTicket = splits.some((e) => e.type === 'splitFollowers' && !e.task);
  const splitTasks = new Set(splits.flatMap((e) => (e.type === 'splitFollowers' && e.task ? [e.task] : [])));
  // a main task that ends without a splitting action (withdrawn when the ticket settles) releases its
  // task followers where they stand instead of leaving them locked on a closed task
  for (const t of main.tasks) if (CLOSED_TASK_NODES.has(t.node)) splitTasks.add(t.id);

  const ticketFollowers = before.filter((w) => w.ticket.mergedInto === main.ticket.id);
  const mirrored = mirrorFollowers(main, ticketFollowers, splitTicket, now, randomUUID);
  const byId = new Map(before.map((w) => [w.ticket.id, w]));
  for (const w of mirrored.followers) byId.set(w.ticket.id, w);
  const followed = mirrorTaskFollowers(main.tasks, [...byId.values()], splitTasks, now, randomUUID);

  const cause = result.history[0];
  const follows = before.flatMap((b, i) => followRows(b, followed.followers[i]!, main, cause, now));
  const writes = before.map((b, i) => ({ before: b, after: followed.followers[i]! }));
  const splitRows = [...mirrored.history, ...followed.history].map((h) => (cause?.actor ? { ...h, actor: cause.actor } : h));
  await saveWorlds(trx, writes, [...follows, ...splitRows], now);
  const mainTasks = new Set(main.tasks.map((t) => t.id));
  return followed.followers
    .filter((w) => w.ticket.mergedInto === main.ticket.id || w.tasks.some((t) => t.mergedInto !== undefined && mainTasks.has(t.mergedInto)))
    .map((w) => w.ticket.id);
}
