import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import type { TicketState } from '../../engine/index.js';
import { historyRow, parseJson } from '../tickets/rows.js';

type Q = Knex | Knex.Transaction;

/** Unassigned, unmerged tickets of a center at the pooled nodes (the engine picks and orders them). */
export async function loadPool(q: Q, center: string, nodes: readonly string[]): Promise<TicketState[]> {
  if (nodes.length === 0) return [];
  const rows = (await q('tickets').select('state').where({ center }).whereIn('node', [...nodes]).whereNull('assignee').whereNull('merged_into')) as { state: unknown }[];
  return rows.map((r) => parseJson<TicketState>(r.state));
}

/**
 * Claims one ticket for `user` with a conditional UPDATE: it only succeeds while the row is still
 * unassigned at the version that was read, so two extractors never get the same ticket (DESIGN 6).
 * The JSON state's assignee and version move with the columns, and the claim is written to the history.
 */
export async function claimTicket(trx: Knex.Transaction, ticket: TicketState, actor: { user: string; department: string }, pool: string, now: number): Promise<TicketState | undefined> {
  const claimed: TicketState = { ...ticket, assignee: actor.user, version: ticket.version + 1 };
  const updated = await trx('tickets')
    .update({ assignee: actor.user, state: JSON.stringify(claimed), version: claimed.version, updated_at: now })
    .where({ id: ticket.id, version: ticket.version })
    .whereNull('assignee');
  if (updated === 0) return undefined;
  await trx('history').insert(historyRow({
    id: randomUUID(), ticket: ticket.id, entity: { kind: 'ticket', id: ticket.id }, event: 'pool.extract',
    fromNode: ticket.node, toNode: ticket.node, center: ticket.center, at: now, actor, data: { pool },
  }));
  return claimed;
}
