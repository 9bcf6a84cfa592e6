import { api, ApiError, type ErrorBody } from '../../../shared/api/client';
import type { RegisterBody } from './buildRequest';

export interface RegisteredTicket { id: string; number: string; node: string; title: string }

export type Outcome = { ok: true; ticket: RegisteredTicket } | { ok: false; error: ErrorBody };

const asError = (e: unknown): ErrorBody => (e instanceof ApiError ? e.body : { code: 'TG_ERR_HTTP', message: String(e), messageZh: String(e) });

/** POST /api/tickets: one registration with its handling method (or the draft button). */
export async function registerOne(body: RegisterBody): Promise<Outcome> {
  try {
    const r = await api.post<{ ticket: RegisteredTicket }>('/api/tickets', body);
    return { ok: true, ticket: r.ticket };
  } catch (e) {
    return { ok: false, error: asError(e) };
  }
}

/**
 * POST /api/tickets/batch (提交全部 / 全部暂存): one outcome per form, in order. A batch refused whole
 * (its schema) answers the one error for every form; `whole` says so (the pointers name the forms).
 */
export async function registerBatch(bodies: RegisterBody[]): Promise<{ outcomes: Outcome[]; whole?: ErrorBody }> {
  try {
    const r = await api.post<{ results: { index: number; ok: boolean; ticket?: RegisteredTicket; error?: ErrorBody }[] }>('/api/tickets/batch', { tickets: bodies });
    const outcomes = bodies.map((_, i): Outcome => {
      const res = r.results.find((x) => x.index === i);
      return res?.ok && res.ticket ? { ok: true, ticket: res.ticket } : { ok: false, error: res?.error ?? { code: 'TG_ERR_HTTP', message: 'no result', messageZh: '无结果' } };
    });
    return { outcomes };
  } catch (e) {
    const error = asError(e);
    return { outcomes: bodies.map(() => ({ ok: false, error })), whole: error };
  }
}

/**
 * ACC-3 at registration, as the runtime models it: the new ticket is registered (as a draft, so it
 * is behind any main) and then merged into the chosen main (POST /api/tickets/merge with `main`).
 * When the merge is refused the draft stays registered: the outcome carries both.
 */
export async function registerAndMerge(draftBody: RegisterBody, main: string): Promise<{ registered: Outcome; merge?: { ok: true; main: { id: string; number?: string } } | { ok: false; error: ErrorBody } }> {
  const registered = await registerOne(draftBody);
  if (!registered.ok) return { registered };
  try {
    const r = await api.post<{ main: { id: string; number?: string } }>('/api/tickets/merge', { ticketIds: [registered.ticket.id, main], main });
    return { registered, merge: { ok: true, main: r.main } };
  } catch (e) {
    return { registered, merge: { ok: false, error: asError(e) } };
  }
}
