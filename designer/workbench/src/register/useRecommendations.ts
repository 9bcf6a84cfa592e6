import { useEffect, useState } from 'react';
import { api } from '../../../shared/api/client';
import type { TicketDraft } from './ticketDraft';

/** A recommended ticket (runtime/recommendations: never the reporter). */
export interface TicketHint {
  id: string; number: string; title: string; node: string; center: string; grid: string | null; channel: string; reportedAt: number;
  score: number; reasons: string[];
}
export interface KnowledgeHint { id: string; topic: string; title: string; body: string; keywords: string[]; matched?: string[] }
export interface Recommendations {
  duplicates: TicketHint[];
  history: TicketHint[];
  items: { item: string; name: string; score: number; matched: string[] }[];
  knowledge: KnowledgeHint[];
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The request of ACC-2 recommendations for what a tab holds; undefined while there is no text to compare. */
export function recommendationQuery(draft: TicketDraft): Record<string, string> | undefined {
  const f = draft.fields;
  const title = str(f.title), description = str(f.description);
  if (!title && !description) return undefined;
  const q: Record<string, string> = { domain: draft.domain, title, description };
  for (const [key, field] of [['phone', 'reporterPhone'], ['grid', 'grid'], ['channel', 'channel']] as const) if (str(f[field])) q[key] = str(f[field]);
  return q;
}

/** POST /api/tickets/recommendations, debounced while the acceptor types. */
export function useRecommendations(query: Record<string, string> | undefined) {
  const [data, setData] = useState<Recommendations | null>(null);
  const [loading, setLoading] = useState(false);
  const key = query ? JSON.stringify(query) : '';
  useEffect(() => {
    if (!key) { setData(null); return; }
    let alive = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api.post<Recommendations>('/api/tickets/recommendations', JSON.parse(key)).then((r) => alive && setData(r), () => alive && setData(null))
        .finally(() => alive && setLoading(false));
    }, 500);
    return () => { alive = false; clearTimeout(timer); };
  }, [key]);
  return { data, loading };
}
