import type { TicketState } from '../model/state.js';
import { extractionOrder } from './distribution.js';

/**
 * ACC-5 提取工单: takes up to `count` unassigned tickets of the actor's center at the pooled node,
 * most urgent and oldest first, and assigns them to the actor. The runtime claims them atomically.
 */
export function extractTickets(pool: readonly TicketState[], actor: { user: string; center: string }, node: string, count: number): TicketState[] {
  const free = pool.filter((t) => t.center === actor.center && t.node === node && !t.assignee && !t.mergedInto);
  const chosen = new Set(extractionOrder(free).slice(0, Math.max(0, count)));
  return free.filter((t) => chosen.has(t.id)).map((t) => ({ ...t, assignee: actor.user }));
}
