import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../../shared/api/client';
import type { TicketDetail } from './types';

/** Loads a ticket's detail; `reload` fetches it again (after an action) without blanking the page. */
export function useTicketDetail(id: string | undefined) {
  const [detail, setDetail] = useState<TicketDetail | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    if (!id) return;
    setLoading(true);
    try {
      setDetail(await api.get<TicketDetail>(`/api/tickets/${encodeURIComponent(id)}`));
      setError(null);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    setDetail(null);
    void reload();
  }, [reload]);

  return { detail, error, loading, reload };
}
