import { currentLang } from '../i18n';

/** The runtime's error body (runtime/errors.ts): a stable code and a message in both languages. */
export interface ErrorBody {
  code: string;
  message: string;
  messageZh?: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }

  /** The message in the UI language. */
  localized(lang: string): string {
    return lang.startsWith('zh') ? this.body.messageZh ?? this.body.message : this.body.message;
  }
}

const TOKEN_KEY = 'tongguan.token';
type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set token(value: string | null) {
    if (value) localStorage.setItem(TOKEN_KEY, value);
    else localStorage.removeItem(TOKEN_KEY);
  },
  /** Called when the server says the session is gone (expired, logged out elsewhere). */
  onUnauthorized(listener: Listener): () => void {
    unauthorizedListeners.add(listener);
    return () => unauthorizedListeners.delete(listener);
  },
};

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const token = session.token;
  if (token) headers.set('authorization', `Bearer ${token}`);
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { ...init, method, headers, ...(payload === undefined ? {} : { body: payload }) });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    const err: ErrorBody = type.includes('json') ? await res.json() : { code: 'TG_ERR_HTTP', message: `${res.status} ${res.statusText}` };
    if (res.status === 401) unauthorizedListeners.forEach((l) => l());
    throw new ApiError(res.status, err);
  }
  return (type.includes('json') ? res.json() : res.blob()) as Promise<T>;
}

/** The runtime's HTTP API, with the session token and typed errors. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body ?? {}, headers ? { headers } : {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Downloads a file the server makes (xlsx, docx) under the name it proposes, written in the UI language (Accept-Language). */
  async download(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
    const headers = new Headers();
    if (session.token) headers.set('authorization', `Bearer ${session.token}`);
    headers.set('accept-language', currentLang());
    const res = await fetch(withQuery(path, query), { headers });
    if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({ code: 'TG_ERR_HTTP', message: res.statusText })));
    const disposition = res.headers.get('content-disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    const name = star ? decodeURIComponent(star) : plain ?? fallbackName;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
