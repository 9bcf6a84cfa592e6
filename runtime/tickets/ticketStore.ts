import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import type { Changes, HistoryEvent, RuntimeEffect, TicketWorld } from '../../engine/index.js';
import { AppError } from '../errors.js';
import { applicationRow, historyFromRow, historyRow, parseJson, taskRow, ticketRow, type HistoryRecord } from './rows.js';

type Q = Knex | Knex.Transaction;

/** Reads a ticket with its tasks and applications (the engine's world). */
export async function loadWorld(q: Q, ticketId: string): Promise<TicketWorld | undefined> {
  const row = await q('tickets').select('state').where({ id: ticketId }).first();
  if (!row) return undefined;
  const [tasks, applications] = await Promise.all([
    q('tasks').select('state').where({ ticket_id: ticketId }),
    q('applications').select('state').where({ ticket_id: ticketId }),
  ]);
  return {
    ticket: parseJson(row.state),
    tasks: tasks.map((r: { state: unknown }) => parseJson(r.state)),
    applications: applications.map((r: { state: unknown }) => parseJson(r.state)),
  };
}

export async function loadHistory(q: Q, ticketId: string): Promise<HistoryEvent[]> {
  const rows = (await q('history').where({ ticket_id: ticketId }).orderBy('seq')) as HistoryRecord[];
  return rows.map(historyFromRow);
}

async function write(q: Q, table: string, row: { id: string; version: number }, what: string): Promise<void> {
  if (row.version === 1) {
    await q(table).insert(row);
    return;
  }
  const updated = await q(table).update(row).where({ id: row.id, version: row.version - 1 });
  if (updated === 0) throw new AppError('TG_ERR_STALE_VERSION', { detail: `${what} ${row.id}` });
}

/**
 * Writes one decision in the caller's transaction: new and changed entities with an optimistic
 * version check, the history events, and outbox rows for the runtime effects (DESIGN principle 4).
 */
export async function saveDecision(trx: Knex.Transaction, changes: Changes, history: readonly HistoryEvent[], effects: readonly RuntimeEffect[], now: number): Promise<void> {
  for (const t of changes.tickets) await write(trx, 'tickets', ticketRow(t, now), 'ticket');
  for (const t of changes.tasks) await write(trx, 'tasks', taskRow(t), 'task');
  for (const a of changes.applications) await write(trx, 'applications', applicationRow(a), 'application');
  if (history.length > 0) await trx('history').insert(history.map(historyRow));
  if (effects.length > 0) {
    await trx('outbox').insert(effects.map((e) => ({
      id: randomUUID(), ticket_id: e.ticket, type: e.type, payload: JSON.stringify(e), created_at: now, done_at: null, attempts: 0,
    })));
  }
}

/**
 * STYLE 8: the database's lock conflicts (MariaDB deadlock or lock wait timeout, SQLite busy) are a
 * concurrent action on the same rows; the runtime answers them like a failed version check (409).
 */
export function isLockConflict(e: unknown): boolean {
  const err = e as { errno?: number; code?: string } | undefined;
  return err?.errno === 1213 || err?.errno === 1205 || ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY'].includes(String(err?.code));
}

/**
 * ACC-11: the next number of a counter (prefix + local day), atomic within the transaction. One
 * upsert, so concurrent registrations queue on the row instead of deadlocking on its gap.
 */
export async function nextSequence(trx: Knex.Transaction, name: string): Promise<number> {
  await trx('sequences').insert({ name, value: 1 }).onConflict('name').merge({ value: trx.raw('?? + 1', ['sequences.value']) });
  const row = await trx('sequences').select('value').where({ name }).first();
  return Number(row.value);
}
