import { vi } from 'vitest';

export interface Call { method: string; path: string; query: URLSearchParams; body: unknown }
type Handler = (call: Call) => { status?: number; body?: unknown; headers?: Record<string, string> } | undefined;

/**
 * Replaces `fetch` with routes answered in the test; every request is recorded so tests can
 * assert what the screen asked the server.
 */
export function fakeServer(handler: Handler) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const raw = init?.body;
    const call: Call = { method: init?.method ?? 'GET', path: url.pathname, query: url.searchParams, body: typeof raw === 'string' ? JSON.parse(raw) : raw };
    calls.push(call);
    const answer = handler(call);
    if (!answer) return new Response(JSON.stringify({ code: 'TG_ERR_NOT_FOUND', message: `no route ${call.method} ${call.path}` }), { status: 404, headers: { 'content-type': 'application/json' } });
    const body = answer.body instanceof Blob ? answer.body : JSON.stringify(answer.body ?? {});
    return new Response(body, { status: answer.status ?? 200, headers: { 'content-type': 'application/json', ...answer.headers } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    /** The requests to a path (and method). */
    to: (path: string | RegExp, method = 'GET') => calls.filter((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path))),
  };
}
