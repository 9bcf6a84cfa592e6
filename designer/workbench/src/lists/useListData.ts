import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type Query } from '../../../shared/api/client';
import type { Lang } from '../../../shared/i18n';
import { listQuery, type ListState } from './listQuery';
import type { ListPage, ListView } from './types';

const errorText = (e: unknown, lang: Lang) => (e instanceof ApiError ? e.localized(lang) : String((e as Error)?.message ?? e));

/** GET /api/views: the list screens the user may open, with every tab's count. */
export function useViews(lang: Lang): { views: ListView[] | null; error: string | null; reload(): Promise<void> } {
  const [views, setViews] = useState<ListView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setViews((await api.get<{ views: ListView[] }>('/api/views')).views);
      setError(null);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }, [lang]);
  useEffect(() => { void reload(); }, [reload]);
  return { views, error, reload };
}

/** One page of a tab for the current state; a newer request wins over a slower older one. */
export function useListPage(view: ListView | undefined, tab: string | undefined, state: ListState, lang: Lang) {
  // the page with the tab it belongs to: another tab's rows (with this tab's buttons) are never shown while it loads
  const [loaded, setPage] = useState<{ path: string; page: ListPage } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  // keyed by what is asked, so reloading the views (new counts) does not reload the rows
  const path = view && tab ? `/api/views/${encodeURIComponent(view.id)}/tabs/${encodeURIComponent(tab)}` : null;
  const query = view ? JSON.stringify(listQuery(view, state)) : '{}';
  const reload = useCallback(async () => {
    if (!path) return;
    const mine = ++seq.current;
    setLoading(true);
    try {
      const result = await api.get<ListPage>(path, JSON.parse(query) as Query);
      if (mine !== seq.current) return;
      setPage({ path, page: result });
      setError(null);
    } catch (e) {
      if (mine !== seq.current) return;
      setPage(null);
      setError(errorText(e, lang));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [path, query, lang]);
  useEffect(() => { void reload(); }, [reload]);
  const page = loaded && loaded.path === path ? loaded.page : null;
  return { page, loading: loading || (Boolean(path) && !page && !error), error, reload };
}

/**
 * The tab counts of a view under 仅看与我有关 (GET /api/views/:view/counts): the badges follow the
 * filter the rows follow. Null while the filter is off (the catalogue's counts hold) or not yet loaded.
 * `view` is a new object after every reload of the views, so counts reload with them.
 */
export function useOnlyMineCounts(view: ListView, onlyMine: boolean): Record<string, number> | null {
  const [loaded, setLoaded] = useState<{ view: ListView; counts: Record<string, number> } | null>(null);
  useEffect(() => {
    if (!onlyMine) return;
    let live = true;
    api.get<{ tabs: { key: string; count: number }[] }>(`/api/views/${encodeURIComponent(view.id)}/counts`, { onlyMine: 'true' })
      .then((r) => { if (live) setLoaded({ view, counts: Object.fromEntries(r.tabs.map((x) => [x.key, x.count])) }); })
      .catch(() => { if (live) setLoaded(null); });
    return () => { live = false; };
  }, [view, onlyMine]);
  return onlyMine && loaded?.view.id === view.id ? loaded.counts : null;
}
