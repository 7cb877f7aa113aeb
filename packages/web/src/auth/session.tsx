import type { Me, Role } from '@shouwang/contract';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { logout as logoutRequest } from './auth.api';

interface Session {
  /** `null` until GET /api/auth/me (or a login) has answered. */
  me: Me | null;
  signedIn: (me: Me) => void;
  signedOut: () => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const signedOut = useCallback(() => setMe(null), []);
  const logout = useCallback(async () => {
    try {
      await logoutRequest();
    } finally {
      setMe(null);
    }
  }, []);
  const session = useMemo<Session>(() => ({ me, signedIn: setMe, signedOut, logout }), [me, signedOut, logout]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}

/** The signed-in user; only inside `<RequireMe>`. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe() outside <RequireMe>');
  return me;
}

/** Where each role starts, and which pages it works with. */
export const HOME_BY_ROLE: Record<Role, string> = {
  city_admin: '/',
  social_worker: '/',
  screen_viewer: '/screen',
};

/** `registry`: the database at a glance; `registryReview`: its data-quality queue and leads. */
export type Page = 'worklist' | 'registry' | 'registryReview' | 'intake' | 'screen';

const PAGES_BY_ROLE: Record<Role, readonly Page[]> = {
  city_admin: ['worklist', 'registry', 'registryReview', 'intake', 'screen'],
  social_worker: ['worklist', 'registry', 'screen'],
  screen_viewer: ['screen'],
};

/** UI only: the server enforces the same boundaries. */
export function canSee(role: Role, page: Page): boolean {
  return PAGES_BY_ROLE[role].includes(page);
}
