import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { textSimilarity } from '../../engine/index.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import { isAdmin } from '../org/orgAccess.js';
import { parseJson } from '../tickets/rows.js';

/** A knowledge base article (知识库, ACC-2 知识推荐). */
export interface KnowledgeArticle {
  readonly id: string;
  readonly topic: string;
  readonly title: string;
  readonly body: string;
  readonly keywords: readonly string[];
  readonly enabled: boolean;
  readonly updatedAt: number;
}

export interface KnowledgeInput {
  readonly topic: string;
  readonly title: string;
  readonly body: string;
  readonly keywords?: readonly string[];
  readonly enabled?: boolean;
}

export interface KnowledgeMatch extends KnowledgeArticle {
  readonly score: number;
  /** The keywords (and topic) found in the text. */
  readonly matched: readonly string[];
}

interface KnowledgeRecord {
  id: string; topic: string; title: string; body: string; keywords: unknown; enabled: unknown; updated_at: number;
}

/** The knowledge base is small; recommendation reads at most this many enabled articles. */
const MAX_ARTICLES = 2000;

function toArticle(r: KnowledgeRecord): KnowledgeArticle {
  const keywords = r.keywords === null || r.keywords === undefined ? [] : parseJson<unknown>(r.keywords);
  return {
    id: r.id, topic: r.topic, title: r.title, body: r.body, keywords: Array.isArray(keywords) ? keywords.map(String) : [],
    enabled: Boolean(Number(r.enabled)), updatedAt: Number(r.updated_at),
  };
}

function requireAdmin(user: SessionUser): void {
  if (isAdmin(user)) return;
  const err = new AppError('TG_ERR_FORBIDDEN', { detail: 'only administrators manage the knowledge base' });
  throw Object.assign(err, { messageZh: '无权执行此操作：只有系统管理员可以维护知识库。' });
}

function record(input: KnowledgeInput, now: number) {
  const keywords = [...new Set((input.keywords ?? []).map((k) => k.trim()).filter((k) => k.length > 0))];
  return {
    topic: input.topic.trim(), title: input.title.trim(), body: input.body, keywords: JSON.stringify(keywords),
    enabled: input.enabled ?? true, updated_at: now,
  };
}

/**
 * Ranks articles for a text (ACC-2 知识推荐 by topic and keywords): keywords found in the text, the
 * topic named in the text or among `topics` (e.g. the suggested items' directories), and the title's
 * similarity to the text.
 */
export function matchKnowledge(articles: readonly KnowledgeArticle[], text: string, topics: readonly string[], limit = 5): KnowledgeMatch[] {
  return articles
    .filter((a) => a.enabled)
    .map((a) => {
      const matched = a.keywords.filter((k) => text.includes(k));
      const topicHit = text.includes(a.topic) || topics.includes(a.topic);
      const score = Math.min(1, 0.25 * Math.min(matched.length, 3) + (topicHit ? 0.3 : 0) + 0.3 * textSimilarity(text, a.title));
      return { ...a, score, matched: topicHit ? [...matched, a.topic] : matched };
    })
    .filter((m) => m.matched.length > 0 && m.score >= 0.25)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** 知识库: every logged-in user reads enabled articles; administrators also see disabled ones and write. */
export class KnowledgeService {
  constructor(private readonly knex: Knex, private readonly clock: () => number = Date.now) {}

  async list(user: SessionUser, filter: { q?: string; topic?: string }): Promise<KnowledgeArticle[]> {
    const query = this.knex('knowledge_articles').select('*').orderBy([{ column: 'topic' }, { column: 'title' }]).limit(MAX_ARTICLES);
    if (!isAdmin(user)) query.where({ enabled: true });
    if (filter.topic) query.where({ topic: filter.topic });
    const articles = ((await query) as KnowledgeRecord[]).map(toArticle);
    const q = filter.q?.trim();
    return q ? articles.filter((a) => a.title.includes(q) || a.body.includes(q) || a.topic.includes(q) || a.keywords.some((k) => k.includes(q) || q.includes(k))) : articles;
  }

  async get(user: SessionUser, id: string): Promise<KnowledgeArticle> {
    const row = (await this.knex('knowledge_articles').where({ id }).first()) as KnowledgeRecord | undefined;
    const article = row ? toArticle(row) : undefined;
    if (!article || (!article.enabled && !isAdmin(user))) throw new AppError('TG_ERR_NOT_FOUND', { what: `knowledge article ${id}` });
    return article;
  }

  async create(user: SessionUser, input: KnowledgeInput): Promise<KnowledgeArticle> {
    requireAdmin(user);
    const id = randomUUID();
    await this.knex('knowledge_articles').insert({ id, ...record(input, this.clock()) });
    return this.get(user, id);
  }

  async update(user: SessionUser, id: string, input: KnowledgeInput): Promise<KnowledgeArticle> {
    requireAdmin(user);
    const updated = await this.knex('knowledge_articles').update(record(input, this.clock())).where({ id });
    if (Number(updated) === 0) throw new AppError('TG_ERR_NOT_FOUND', { what: `knowledge article ${id}` });
    return this.get(user, id);
  }

  /** The enabled articles, for recommendation. */
  async enabled(): Promise<KnowledgeArticle[]> {
    const rows = (await this.knex('knowledge_articles').select('*').where({ enabled: true }).limit(MAX_ARTICLES)) as KnowledgeRecord[];
    return rows.map(toArticle);
  }
}
