import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { configureSessionHandling } from '../api/http';
import { identityApi, type Session, type SessionUser } from '../api/identity.api';
import { tokenStore } from '../api/token-store';

type Status = 'restoring' | 'signed-in' | 'signed-out';

interface SessionState {
  status: Status;
  user: SessionUser | null;
  /** Set when the session ended by itself (refresh refused), to say so on the login page. */
  expired: boolean;
  login(email: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * Holds who is signed in. On load it swaps the tab's refresh token for a new
 * session (so a reload keeps you signed in); every API call that meets a 401
 * refreshes once through here, and a refused refresh signs the user out.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [status, setStatus] = useState<Status>(tokenStore.refreshToken() ? 'restoring' : 'signed-out');
  const [expired, setExpired] = useState(false);

  const adopt = useCallback((session: Session) => {
    tokenStore.save(session.accessToken, session.refreshToken);
    setUser(session.user);
    setStatus('signed-in');
  }, []);

  const refresh = useCallback(async (): Promise<boolean> => {
    const refreshToken = tokenStore.refreshToken();
    if (!refreshToken) return false;
    try {
      adopt(await identityApi.refresh(refreshToken));
      return true;
    } catch {
      return false;
    }
  }, [adopt]);

  const lost = useCallback(() => {
    tokenStore.clear();
    setUser(null);
    setExpired(true);
    setStatus('signed-out');
  }, []);

  useEffect(() => {
    configureSessionHandling(refresh, lost);
    if (status === 'restoring') {
      void refresh().then((ok) => {
        if (!ok) {
          tokenStore.clear();
          setStatus('signed-out');
        }
      });
    }
    // run once: later refreshes go through the http module
  }, []);

  const login = useCallback(
    async (email: string, password: string) => {
      const session = await identityApi.login(email, password);
      adopt(session);
      setExpired(false);
      return session.user;
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    const refreshToken = tokenStore.refreshToken();
    tokenStore.clear();
    setUser(null);
    setExpired(false);
    setStatus('signed-out');
    if (refreshToken) await identityApi.logout(refreshToken).catch(() => undefined);
  }, []);

  const value = useMemo(() => ({ status, user, expired, login, logout }), [status, user, expired, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only inside pages that the shell renders for a signed-in user. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
