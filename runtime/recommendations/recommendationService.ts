import type { Knex } from '@mikro-orm/knex';
import { recommendDuplicates, recommendHistory, suggestItems, type CompiledBundle, type Recommendation, type TicketText } from '../../engine/index.js';
import { centerOf, centersWithin } from '../../engine/org/index.js';
import type { BundleStore } from '../app/bundleStore.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import { jsonSql, type Dialect } from '../views/jsonSql.js';
import { matchKnowledge, type KnowledgeMatch, type KnowledgeService } from './knowledgeService.js';

export interface RecommendationInput {
  readonly domain: string;
  readonly title: string;
  readonly description: string;
  readonly phone?: string;
  readonly grid?: string;
  readonly channel?: string;
}

/** A recommended ticket: what the acceptor needs to judge it, never the reporter. */
export interface TicketHint extends Recommendation {
  readonly number: string;
  readonly title: string;
  readonly node: string;
  readonly center: string;
  readonly grid: string | null;
  readonly channel: string;
  readonly reportedAt: number;
}

export interface ItemHint {
  readonly item: string;
  readonly name: string;
  readonly score: number;
  readonly matched: readonly string[];
}

export interface Recommendations {
  readonly duplicates: readonly TicketHint[];
  readonly history: readonly TicketHint[];
  readonly items: readonly ItemHint[];
  readonly knowledge: readonly KnowledgeMatch[];
}

/** Candidates per query: recommendations compare in memory, so each query is indexed and capped. */
const CANDIDATES = 300;
const DAY = 86_400_000;
/** Duplicates come from open tickets of the last 90 days, history from the last year. */
const DUPLICATE_WINDOW = 90 * DAY;
const HISTORY_WINDOW = 365 * DAY;
const NOT_REGISTERED = ['registration', 'draft'];

interface CandidateRecord {
  id: string; number: string; title: string; node: string; center: string; grid: string | null; channel: string;
  reported_at: number; description: string | null; phone?: string | null;
}

/** Nodes where a ticket is not (or no longer) open: not yet registered, voided, or final in a flow of the bundle. */
function closedNodes(cb: CompiledBundle): string[] {
  const finals = Object.values(cb.bundle.defs.flow).flatMap((f) => f.nodes.filter((n) => n.final).map((n) => n.id));
  return [...new Set([...NOT_REGISTERED, 'voided', 'closed', ...finals])];
}

/** ACC-2 recommendations beside the registration form: duplicates, history tickets, items and knowledge. */
export class RecommendationService {
  constructor(
    private readonly knex: Knex, private readonly bundles: BundleStore, private readonly dialect: Dialect,
    private readonly knowledge: KnowledgeService, private readonly clock: () => number = Date.now,
  ) {}

  async recommend(user: SessionUser, input: RecommendationInput): Promise<Recommendations> {
    const cb = await this.bundles.currentCompiled();
    const center = centerOf(cb.org, user.department)?.id;
    if (!center || center !== user.department) {
      const err = new AppError('TG_ERR_FORBIDDEN', { detail: 'recommendations are for command center staff' });
      throw Object.assign(err, { messageZh: '无权执行此操作：登记推荐仅供指挥中心人员使用。' });
    }
    if (!cb.bundle.defs.domain[input.domain]) throw new AppError('TG_ERR_VALIDATION', { detail: `/domain ${input.domain} is unknown` });
    const centers = centersWithin(cb.org, center).map((d) => d.id);
    const now = this.clock();
    const current: TicketText = {
      id: '', title: input.title, description: input.description,
      ...(input.phone ? { phone: input.phone.trim() } : {}), ...(input.grid ? { grid: input.grid } : {}),
    };

    const duplicateCandidates = await this.duplicateCandidates(centers, closedNodes(cb), current, now);
    const duplicates = this.hints(recommendDuplicates(current, duplicateCandidates.map(textOf)), duplicateCandidates);
    const shown = new Set(duplicates.map((d) => d.id));
    const historyCandidates = (await this.historyCandidates(centers, now)).filter((c) => !shown.has(c.id));
    const history = this.hints(recommendHistory(current, historyCandidates.map(textOf)), historyCandidates);

    const text = `${input.title} ${input.description}`;
    const { item: items, catalogueDirectory: dirs } = cb.bundle.defs;
    const suggested = suggestItems(cb.bundle, input.domain, text);
    const topics = suggested.flatMap((s) => {
      const item = items[s.item];
      const names = item ? [item.name] : [];
      for (let d = item ? dirs[item.directory] : undefined; d; d = d.parent ? dirs[d.parent] : undefined) names.push(d.name);
      return names;
    });
    const knowledge = matchKnowledge(await this.knowledge.enabled(), text, topics);
    return {
      duplicates, history, knowledge,
      items: suggested.map((s) => ({ item: s.item, name: items[s.item]?.name ?? s.item, score: s.score, matched: s.matched })),
    };
  }

  private select(query: Knex.QueryBuilder, withPhone: boolean): Knex.QueryBuilder {
    const description = jsonSql(this.dialect).scalar({ column: 'tickets.state', path: '$.fields.description' });
    return query.select(
      'tickets.id', 'tickets.number', 'tickets.title', 'tickets.node', 'tickets.center', 'tickets.grid', 'tickets.channel', 'tickets.reported_at',
      this.knex.raw(`${description.sql} as description`, description.bindings as Knex.Value[]),
      ...(withPhone ? ['reporters.phone'] : []),
    );
  }

  /** Open tickets of the user's centers with the same grid or the same reporter phone: two indexed, capped queries. */
  private async duplicateCandidates(centers: string[], closed: string[], current: TicketText, now: number): Promise<CandidateRecord[]> {
    const base = () => this.select(this.knex('tickets').leftJoin('reporters', 'reporters.ticket_id', 'tickets.id'), true)
      .whereIn('tickets.center', centers).whereNotIn('tickets.node', closed).whereNull('tickets.merged_into')
      .where('tickets.reported_at', '>=', now - DUPLICATE_WINDOW)
      .orderBy('tickets.reported_at', 'desc').limit(CANDIDATES);
    const [byGrid, byPhone] = await Promise.all([
      current.grid ? (base().where('tickets.grid', current.grid) as Promise<CandidateRecord[]>) : Promise.resolve([]),
      current.phone ? (base().where('reporters.phone', current.phone) as Promise<CandidateRecord[]>) : Promise.resolve([]),
    ]);
    return [...new Map([...byGrid, ...byPhone].map((c) => [c.id, c])).values()];
  }

  /** The centers' recently registered tickets, whatever their state (history: similar past cases). */
  private async historyCandidates(centers: string[], now: number): Promise<CandidateRecord[]> {
    return (await this.select(this.knex('tickets'), false)
      .whereIn('tickets.center', centers).whereNotIn('tickets.node', NOT_REGISTERED).whereNull('tickets.merged_into')
      .where('tickets.reported_at', '>=', now - HISTORY_WINDOW)
      .orderBy('tickets.reported_at', 'desc').limit(CANDIDATES)) as CandidateRecord[];
  }

  private hints(found: readonly Recommendation[], candidates: readonly CandidateRecord[]): TicketHint[] {
    const byId = new Map(candidates.map((c) => [c.id, c]));
    return found.flatMap((r) => {
      const c = byId.get(r.id);
      return c ? [{
        ...r, number: c.number, title: c.title, node: c.node, center: c.center, grid: c.grid ?? null, channel: c.channel, reportedAt: Number(c.reported_at),
      }] : [];
    });
  }
}

function textOf(c: CandidateRecord): TicketText {
  return {
    id: c.id, title: c.title,
    ...(c.description ? { description: String(c.description) } : {}),
    ...(c.phone ? { phone: c.phone } : {}), ...(c.grid ? { grid: c.grid } : {}),
  };
}
