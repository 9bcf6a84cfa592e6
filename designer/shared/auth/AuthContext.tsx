import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, session } from '../api/client';

export interface MeView {
  id: string;
  module: string;
  name: string;
  nameEn?: string;
  /** The roles of the user that open this view (for the role switch). */
  roles: string[];
  tabs: { key: string; name: string; nameEn?: string }[];
}

export interface Me {
  user: { id: string; login: string; name: string; department: string; roles: string[] };
  department: string;
  center: { id: string; name: string };
  views: MeView[];
}

interface AuthState {
  me: Me | null;
  loading: boolean;
  login(login: string, password: string): Promise<void>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user (GET /api/me); a 401 anywhere signs out. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(Boolean(session.token));

  const refresh = useCallback(async () => {
    if (!session.token) {
      setMe(null);
      setLoading(false);
      return;
    }
    try {
      setMe(await api.get<Me>('/api/me'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) session.token = null;
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return session.onUnauthorized(() => {
      session.token = null;
      setMe(null);
    });
  }, [refresh]);

  const value = useMemo<AuthState>(() => ({
    me,
    loading,
    refresh,
    async login(login, password) {
      const res = await api.post<{ token: string }>('/api/auth/login', { login, password });
      session.token = res.token;
      setLoading(true);
      await refresh();
    },
    async logout() {
      try {
        await api.post('/api/auth/logout');
      } catch {
        // the session may already be gone; signing out locally is what matters
      }
      session.token = null;
      setMe(null);
    },
  }), [me, loading, refresh]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
