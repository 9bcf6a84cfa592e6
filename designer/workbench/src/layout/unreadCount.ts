import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { api } from '../../../shared/api/client';

const POLL_MS = 30_000;
const CHANGED = 'tongguan:messages-changed';

/** Tell the bell that messages were read (or arrived) so it counts again now, not at the next poll. */
export function messagesChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** The user's unread message count, polled, and refreshed on navigation and on `messagesChanged`. */
export function useUnreadCount(): number {
  const [unread, setUnread] = useState(0);
  const location = useLocation();
  useEffect(() => {
    let alive = true;
    const load = () => api.get<{ unreadCount: number }>('/api/messages', { unread: 'true', pageSize: 1 })
      .then((r) => alive && setUnread(r.unreadCount), () => undefined);
    void load();
    const timer = setInterval(load, POLL_MS);
    window.addEventListener(CHANGED, load);
    return () => { alive = false; clearInterval(timer); window.removeEventListener(CHANGED, load); };
  }, [location.pathname]);
  return unread;
}
