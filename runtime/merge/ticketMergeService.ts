import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { mergeTickets, splitTicket, ticketMergeCandidates, type CompiledBundle, type HistoryEvent, type TicketState, type TicketWorld } from '../../engine/index.js';
import type { BundleStore } from '../app/bundleStore.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import { isLockConflict, loadWorld } from '../tickets/ticketStore.js';
import { checkTicketMerge, requireCenterStaff, TICKET_MERGE_NODES, type StatusOf } from './mergeRules.js';
import { loadWorlds, saveWorlds, ticketRowOf, ticketsOfGrid, type MergeTicketRow } from './mergeStore.js';

export interface TicketMergeInput {
  readonly ticketIds: readonly string[];
  readonly main?: string;
  /** Ticket versions the client saw; a mismatch is a 409 before anything is written. */
  readonly versions?: Readonly<Record<string, number>>;
}

export interface TicketMergeResult {
  readonly main: MergeTicketRow;
  readonly followers: readonly MergeTicketRow[];
}

/** Runs `work` in one transaction; the database's lock conflicts answer like a failed version check (409). */
export async function inTransaction<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  try {
    return await knex.transaction(work);
  } catch (e) {
    if (isLockConflict(e)) throw new AppError('TG_ERR_STALE_VERSION', { detail: 'concurrent update' });
    throw e;
  }
}

export function checkVersions(worlds: readonly TicketWorld[], versions: Readonly<Record<string, number>> | undefined): void {
  for (const { ticket } of worlds) {
    const seen = versions?.[ticket.id];
    if (seen !== undefined && seen !== ticket.version) throw new AppError('TG_ERR_STALE_VERSION', { detail: `ticket ${ticket.number} version ${ticket.version}, you saw ${seen}` });
  }
}

export function statusOf(cb: CompiledBundle): StatusOf {
  return (e) => cb.bindingOf(e.flow, e.node)?.statusText ?? e.node;
}

/** How many followers each of the tickets has (merged_into index). */
async function followerCounts(q: Knex | Knex.Transaction, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = (await q('tickets').select('merged_into').count({ n: '*' }).whereIn('merged_into', ids).groupBy('merged_into')) as { merged_into: string; n: number | string }[];
  return new Map(rows.map((r) => [r.merged_into, Number(r.n)]));
}

/** ACC-3 ticket merge (工单合并): candidate lists, merge and manual split. */
export class TicketMergeService {
  constructor(private readonly knex: Knex, private readonly bundles: BundleStore, private readonly clock: () => number = Date.now) {}

  /** 已合并 (mains with followers) and 未合并 (never merged) tickets the ticket may merge into. */
  async candidates(user: SessionUser, ticketId: string): Promise<{ ticket: MergeTicketRow; merged: MergeTicketRow[]; unmerged: MergeTicketRow[] }> {
    const world = await loadWorld(this.knex, ticketId);
    if (!world) throw new AppError('TG_ERR_NOT_FOUND', { what: `ticket ${ticketId}` });
    requireCenterStaff(user, world.ticket.center);
    const cb = await this.bundles.currentCompiled();
    const current = world.ticket;
    const others = current.grid ? await ticketsOfGrid(this.knex, current.grid, current.channel, TICKET_MERGE_NODES) : [];
    const { merged, unmerged } = ticketMergeCandidates(current, others.filter((w) => w.ticket.id !== current.id && w.ticket.flow === current.flow));
    const counts = new Map<string, number>();
    for (const w of others) if (w.ticket.mergedInto) counts.set(w.ticket.mergedInto, (counts.get(w.ticket.mergedInto) ?? 0) + 1);
    const row = (t: TicketState) => ticketRowOf(cb, t, counts.get(t.id) ?? 0);
    return { ticket: row(current), merged: merged.map(row), unmerged: unmerged.map(row) };
  }

  /** Merges the tickets in one transaction: the followers take the main's step (and mirror tasks in handling). */
  async merge(user: SessionUser, input: TicketMergeInput): Promise<TicketMergeResult> {
    const ids = [...new Set([...input.ticketIds, ...(input.main ? [input.main] : [])])];
    if (ids.length < 2) throw new AppError('TG_ERR_VALIDATION', { detail: 'a merge needs at least two tickets' });
    // compiled outside the transaction: the embedded database has one connection, which the transaction holds
    const cb = await this.bundles.currentCompiled();
    const status = statusOf(cb);
    return inTransaction(this.knex, async (trx) => {
      const now = this.clock();
      const worlds = await loadWorlds(trx, ids);
      checkVersions(worlds, input.versions);
      const main = checkTicketMerge(user, worlds, input.main, await followerCounts(trx, ids), status);
      const followers = worlds.filter((w) => w !== main);
      // the engine's candidate rules stay the authority (e.g. no 待处置 main whose tasks take part in a task merge)
      const pool = (await ticketsOfGrid(trx, main.ticket.grid!, main.ticket.channel, TICKET_MERGE_NODES)).filter((w) => w.ticket.id !== main.ticket.id);
      for (const f of followers) {
        const { merged, unmerged } = ticketMergeCandidates(f.ticket, [...pool.filter((w) => w.ticket.id !== f.ticket.id), main]);
        if (![...merged, ...unmerged].some((t) => t.id === main.ticket.id)) {
          throw new AppError('TG_ERR_MERGE_STEP', { id: main.ticket.number, node: status(main.ticket), reason: '不符合合并条件（如主单的任务单已并单）', reasonEn: 'the merge rules exclude it (e.g. its tasks take part in a task merge)' });
        }
      }
      const actor = { user: user.id, department: user.department };
      const result = mergeTickets(main, followers, actor, now, randomUUID);
      const mainRow: HistoryEvent = {
        id: randomUUID(), ticket: main.ticket.id, entity: { kind: 'ticket', id: main.ticket.id }, event: 'merge', fromNode: main.ticket.node,
        toNode: main.ticket.node, center: main.ticket.center, actor, at: now, data: { followers: followers.map((f) => f.ticket.id) },
      };
      // the main is touched too: an action on it that read the world before the merge must conflict
      const written = await saveWorlds(trx, [
        { before: main, after: main, touch: true },
        ...followers.map((f, i) => ({ before: f, after: result.followers[i]!, touch: true })),
      ], [mainRow, ...result.history], now);
      const [mainWorld, ...followerWorlds] = written;
      const count = (await followerCounts(trx, [main.ticket.id])).get(main.ticket.id) ?? 0;
      return { main: ticketRowOf(cb, mainWorld!.ticket, count), followers: followerWorlds.map((w) => ticketRowOf(cb, w.ticket)) };
    });
  }

  /** Manual split (拆单) from the detail page: the follower keeps its current state and runs alone. */
  async split(user: SessionUser, ticketId: string, version?: number): Promise<MergeTicketRow> {
    const cb = await this.bundles.currentCompiled();
    return inTransaction(this.knex, async (trx) => {
      const now = this.clock();
      const [world] = await loadWorlds(trx, [ticketId]);
      if (version !== undefined) checkVersions([world!], { [ticketId]: version });
      requireCenterStaff(user, world!.ticket.center);
      if (!world!.ticket.mergedInto) throw new AppError('TG_ERR_NOT_MERGED', { id: world!.ticket.number, reason: '该工单未合并', reasonEn: 'the ticket is not merged' });
      const { world: after, history } = splitTicket(world!, now, randomUUID, 'manual');
      const [written] = await saveWorlds(trx, [{ before: world!, after, touch: true }], [{ ...history, actor: { user: user.id, department: user.department } }], now);
      return ticketRowOf(cb, written!.ticket);
    });
  }
}
