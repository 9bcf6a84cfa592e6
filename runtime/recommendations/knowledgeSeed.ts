import type { Knex } from '@mikro-orm/knex';
import articles from '../app/seedKnowledge.json' with { type: 'json' };

interface SeedArticle { id: string; topic: string; title: string; body: string; keywords: string[] }

/** First start: fills the knowledge base (ACC-2) with the built-in articles, only while it is empty. */
export async function seedKnowledge(knex: Knex, now: number): Promise<boolean> {
  if (await knex('knowledge_articles').first('id')) return false;
  await knex('knowledge_articles').insert((articles as SeedArticle[]).map((a) => ({
    id: a.id, topic: a.topic, title: a.title, body: a.body, keywords: JSON.stringify(a.keywords), enabled: true, updated_at: now,
  })));
  return true;
}
