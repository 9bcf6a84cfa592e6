import { api } from '../../shared/api/client';

export type Json = Record<string, unknown>;

/** GET /api/definitions/kinds: a kind with the JSON Schema its form and JSON editor validate against. */
export interface KindInfo {
  kind: string;
  title: string;
  files: string[];
  identified: boolean;
  schema: Json;
}

export interface Draft<T = Json> {
  kind: string;
  id: string;
  package: string;
  file: string;
  updatedAt: number;
  updatedBy: string;
  definition: T;
}

export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  file?: string;
  pointer: string;
  message: string;
  /** What the message is worded from (engine/lint/lintMessages.ts), with the code. */
  params?: Record<string, unknown>;
  definition?: { kind: string; id: string };
}

export interface LintReport {
  ok: boolean;
  hash?: string;
  counts: { error: number; warning: number; info: number };
  findings: Finding[];
}

export interface KindDiff {
  added: string[];
  removed: string[];
  changed: { id: string; pointers: string[] }[];
}

export interface BundleDiff {
  packages: KindDiff;
  kinds: Record<string, KindDiff>;
}

export interface VersionInfo {
  version: number;
  hash: string;
  createdAt: number;
  createdBy: string;
  packages: { name: string; title: string; version: string }[];
}

/** Keys of a link draft are `<item>@<domain>`; every other kind carries its `id`. */
export const draftPath = (kind: string, id: string) => `/api/definitions/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`;

export const definitionsApi = {
  kinds: () => api.get<{ kinds: KindInfo[] }>('/api/definitions/kinds').then((r) => r.kinds),
  list: (kind: string, query: { q?: string; enabled?: string; package?: string; limit?: number } = {}) =>
    api.get<{ total: number; items: Draft[] }>(`/api/definitions/${encodeURIComponent(kind)}`, { limit: 1000, ...query }),
  get: (kind: string, id: string) => api.get<Draft>(draftPath(kind, id)),
  put: (kind: string, id: string, definition: unknown, pkg?: string) =>
    api.put<Draft>(pkg ? `${draftPath(kind, id)}?package=${encodeURIComponent(pkg)}` : draftPath(kind, id), definition),
  remove: (kind: string, id: string) => api.delete<{ deleted: { kind: string; id: string }[] }>(draftPath(kind, id)),
  lint: () => api.post<LintReport>('/api/definitions/lint'),
  publish: () => api.post<{ version: number; hash: string; previous: { version: number }; diff: BundleDiff; findings: Finding[] }>('/api/definitions/publish'),
  versions: () => api.get<{ current: number | null; versions: VersionInfo[] }>('/api/definitions/versions'),
  diff: (a: number, b: number) => api.get<BundleDiff & { from: { version: number }; to: { version: number } }>(`/api/definitions/versions/${a}/diff/${b}`),
  pendingDiff: () => api.get<BundleDiff & { running: { version: number; hash: string }; hash?: string }>('/api/studio/pending-diff'),
  exportAll: () => api.get<{ packages: unknown[] }>('/api/definitions/export'),
  importAll: (set: unknown) => api.post<{ packages: number; definitions: number; hash: string }>('/api/definitions/import', set),
};

/** The id a definition of a kind is stored under. */
export function idOf(kind: string, definition: Json): string {
  if (kind === 'itemDomainLink') return `${String(definition.item ?? '')}@${String(definition.domain ?? '')}`;
  return String(definition.id ?? '');
}

/**
 * A finding's JSON pointer inside its definition: package files holding an array of definitions
 * point at `/<index>/…`, single-definition files (`flows/x.json`) at the definition itself.
 */
export function pointerInDefinition(f: Finding): string {
  const file = f.file ?? '';
  const single = file.split('/').length > 2;
  return single ? f.pointer : f.pointer.replace(/^\/\d+/, '');
}

/** The editor's address; ids travel in the query (a path ending in `.xyz` is taken for a file). */
export const editPath = (kind: string, id: string) => `/kinds/${kind}/edit?id=${encodeURIComponent(id)}`;
