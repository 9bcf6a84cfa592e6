import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { mirrorFollowers, mirrorTaskFollowers, type DecideSuccess, type HistoryEvent, type TicketWorld } from '../../engine/index.js';
import { CLOSED_TASK_NODES } from '../../engine/decide/progress.js';
import { loadWorlds, saveWorlds } from './mergeStore.js';

/** Tickets following a main: by ticket merge (merged_into = main) or by task merge (a task merged into one of its tasks). */
async function followerIds(trx: Knex.Transaction, main: TicketWorld): Promise<string[]> {
  const byTicket = (await trx('tickets').select('id').where({ merged_into: main.ticket.id })) as { id: string }[];
  const taskIds = main.tasks.map((t) => t.id);
  const byTask = taskIds.length === 0 ? [] : ((await trx('tasks').distinct('ticket_id').whereIn('merged_into', taskIds)) as { ticket_id: string }[]);
  const ids = new Set([...byTicket.map((r) => r.id), ...byTask.map((r) => r.ticket_id)]);
  ids.delete(main.ticket.id);
  return [...ids].sort(); // a stable order: concurrent writers lock follower rows in the same sequence
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
 * Followers are written with version checks; the `splitFollowers` outbox rows are done here.
 */
export async function followMain(trx: Knex.Transaction, result: DecideSuccess, now: number): Promise<void> {
  const main = result.world;
  const ids = await followerIds(trx, main);
  const splits = result.effects.filter((e) => e.type === 'splitFollowers' && e.ticket === main.ticket.id);
  if (splits.length > 0) {
    await trx('outbox').update({ done_at: now }).where({ ticket_id: main.ticket.id, type: 'splitFollowers' }).whereNull('done_at');
  }
  if (ids.length === 0) return;
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
}
