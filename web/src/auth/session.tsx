import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ok, onSessionExpired, type User } from '../api/client';
import { navigate } from '../app/router';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'setup-required' }
  | { kind: 'signed-out'; notice?: string }
  | { kind: 'signed-in'; user: User }
  | { kind: 'unreachable'; message: string };

interface Session {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Re-reads who is signed in (after the first account was created, say). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages shown behind the sign-in. */
export function useUser(): User {
  const { state } = useSession();
  if (state.kind !== 'signed-in') throw new Error('useUser while signed out');
  return state.user;
}

const here = () => location.pathname + location.search;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const { setupRequired } = await ok(api.GET('/api/auth/setup'));
      if (setupRequired) return setState({ kind: 'setup-required' });
      const me = await api.GET('/api/users/me');
      if (me.response.status === 401) return setState({ kind: 'signed-out' });
      setState({ kind: 'signed-in', user: await ok(Promise.resolve(me)) });
    } catch (error) {
      setState({ kind: 'unreachable', message: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    void refresh();
    // A session that ends while the app is open (expired, revoked) leads back to sign-in, which
    // returns to this page afterwards.
    return onSessionExpired(() => {
      setState({ kind: 'signed-out', notice: 'Your session has ended. Please sign in again.' });
      if (!location.pathname.startsWith('/sign-in'))
        navigate(`/sign-in?next=${encodeURIComponent(here())}`, { replace: true });
    });
  }, [refresh]);

  const signIn = useCallback(async (email: string, password: string) => {
    const { user } = await ok(api.POST('/api/auth/login', { body: { email, password } }));
    setState({ kind: 'signed-in', user });
  }, []);

  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    setState({ kind: 'signed-out' });
    navigate('/sign-in', { replace: true });
  }, []);

  return (
    <SessionContext.Provider value={{ state, signIn, signOut, refresh }}>
      {children}
    </SessionContext.Provider>
  );
}
