import type { Knex } from '@mikro-orm/knex';
import {
  extractCount, extractionOrder, extractTickets, poolEnabled, pooledNodes, type CompiledBundle, type TicketState,
} from '../../engine/index.js';
import { centerOf } from '../../engine/org/index.js';
import type { BundleStore } from '../app/bundleStore.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import { isLockConflict } from '../tickets/ticketStore.js';
import { claimTicket, loadPool } from './poolStore.js';

export const Pools = ['acceptance', 'dispatch'] as const;
export type PoolKind = (typeof Pools)[number];

/** Who works a pool when its views name no roles (ACC-5: acceptors, DSP-1: dispatchers). */
const DEFAULT_ROLE: Record<PoolKind, string> = { acceptance: 'acceptor', dispatch: 'dispatcher' };
const POOL_NAME: Record<PoolKind, string> = { acceptance: '受理', dispatch: '分拨' };

/** A pool row: what the pool list shows (no reporter data: X-3). */
export interface PoolRow {
  readonly id: string; readonly number: string; readonly title: string; readonly item: string; readonly domain: string;
  readonly channel: string; readonly urgency: TicketState['urgency']; readonly difficult: boolean; readonly source: TicketState['source'];
  readonly node: string; readonly reportedAt: number; readonly version: number;
}

export interface PoolList {
  readonly pool: PoolKind; readonly center: string; readonly enabled: boolean; readonly extractCount: number;
  readonly count: number; readonly rows: readonly PoolRow[];
}

export interface Extraction {
  readonly pool: PoolKind; readonly center: string; readonly requested: number;
  readonly tickets: readonly PoolRow[]; readonly remaining: number;
}

interface PoolScope { readonly cb: CompiledBundle; readonly center: string; readonly enabled: boolean; readonly nodes: readonly string[] }

function rowOf(t: TicketState): PoolRow {
  return {
    id: t.id, number: t.number, title: t.title, item: t.item, domain: t.domain, channel: t.channel, urgency: t.urgency,
    difficult: t.difficult, source: t.source, node: t.node, reportedAt: t.reportedAt, version: t.version,
  };
}

/** The pool's tickets of one center in hand-out order (most urgent, then oldest first). */
function ordered(pool: readonly TicketState[], center: string, nodes: readonly string[], user: string): TicketState[] {
  const free = nodes.flatMap((node) => extractTickets(pool, { user, center }, node, Number.POSITIVE_INFINITY));
  const byId = new Map(pool.map((t) => [t.id, t]));
  return extractionOrder(free).map((id) => byId.get(id)!);
}

/** ACC-5 / ACC-10 / DSP-1: listing and extracting the acceptance and dispatch pools (分流规则, DEF-13). */
export class PoolService {
  constructor(private readonly knex: Knex, private readonly bundles: BundleStore, private readonly clock: () => number = Date.now) {}

  private async scope(user: SessionUser, pool: PoolKind): Promise<PoolScope> {
    const cb = await this.bundles.currentCompiled();
    const views = Object.values(cb.bundle.defs.view).filter((v) => v.pool === pool);
    const roles = new Set(views.flatMap((v) => v.roles));
    if (roles.size === 0) roles.add(DEFAULT_ROLE[pool]);
    if (!user.roles.some((r) => roles.has(r))) {
      throw new AppError('TG_ERR_FORBIDDEN', { detail: `${POOL_NAME[pool]}工单池需要角色 ${[...roles].join('/')}` });
    }
    const center = centerOf(cb.org, user.department)?.id;
    if (!center) throw new AppError('TG_ERR_OUT_OF_SCOPE');
    const pooled = pooledNodes(cb, center);
    const nodes = [...new Set(views.flatMap((v) => v.tabs.flatMap((t) => t.query.nodes ?? [])))].filter((n) => pooled.has(n));
    return { cb, center, enabled: poolEnabled(cb, pool, center), nodes };
  }

  async list(user: SessionUser, pool: PoolKind, page: { limit: number; offset: number }): Promise<PoolList> {
    const { cb, center, enabled, nodes } = await this.scope(user, pool);
    const tickets = enabled ? ordered(await loadPool(this.knex, center, nodes), center, nodes, user.id) : [];
    return {
      pool, center, enabled, extractCount: extractCount(cb), count: tickets.length,
      rows: tickets.slice(page.offset, page.offset + page.limit).map(rowOf),
    };
  }

  /**
   * 提取工单: up to EXTRACT_ACCEPT_CASE_NUMBER unassigned tickets of the user's center at the pooled
   * nodes, claimed one by one with a conditional UPDATE in one transaction. A ticket another
   * extractor won in the meantime is skipped and the next one in hand-out order is tried.
   */
  async extract(user: SessionUser, pool: PoolKind): Promise<Extraction> {
    const { cb, center, enabled, nodes } = await this.scope(user, pool);
    if (!enabled || nodes.length === 0) throw new AppError('TG_ERR_POOL_DISABLED', { pool: POOL_NAME[pool], poolEn: pool });
    const wanted = extractCount(cb);
    return this.claim(user, pool, center, nodes, wanted).catch((e: unknown) => {
      if (isLockConflict(e)) throw new AppError('TG_ERR_STALE_VERSION', { detail: `${pool} pool` });
      throw e;
    });
  }

  private claim(user: SessionUser, pool: PoolKind, center: string, nodes: readonly string[], wanted: number): Promise<Extraction> {
    return this.knex.transaction(async (trx) => {
      const now = this.clock();
      const candidates = ordered(await loadPool(trx, center, nodes), center, nodes, user.id);
      const won: TicketState[] = [];
      let tried = 0;
      for (const candidate of candidates) {
        if (won.length >= wanted) break;
        tried++;
        const claimed = await claimTicket(trx, candidate, { user: user.id, department: user.department }, pool, now);
        if (claimed) won.push(claimed);
      }
      return { pool, center, requested: wanted, tickets: won.map(rowOf), remaining: candidates.length - tried };
    });
  }
}
