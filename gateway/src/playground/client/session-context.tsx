import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/** The signed-in account, as the login mutation returned it. */
export interface Session {
  token: string;
  username: string;
  displayName: string;
  roles: string[];
  expiresAt: string | null;
}

export interface SessionState {
  session: Session | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
  /** The token for the next request (read by the fetcher, outside React's render). */
  currentToken(): string | null;
}

const SessionContext = createContext<SessionState | null>(null);

export interface SessionProviderProps {
  endpoint: string;
  loginOperation: string;
  children: ReactNode;
}

interface LoginAnswer {
  data?: { login?: { token: string; expiresAt?: string | null; account?: { displayName?: string; roles?: string[] } } | null } | null;
  errors?: Array<{ message: string }>;
}

/**
 * Keeps the session in memory only: a reload signs out, and no token lands in localStorage
 * (GraphiQL's own storage keeps tabs, never these headers).
 */
export function SessionProvider({ endpoint, loginOperation, children }: SessionProviderProps) {
  const [session, setSession] = useState<Session | null>(null);
  const tokenRef = useRef<string | null>(null);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: loginOperation, variables: { username, password } }),
        credentials: 'omit',
      });
      let answer: LoginAnswer;
      try {
        answer = (await response.json()) as LoginAnswer;
      } catch {
        throw new Error(`Sign-in failed: HTTP ${response.status}`);
      }
      const login = answer.data?.login;
      if (!login?.token) throw new Error(answer.errors?.[0]?.message ?? `Sign-in failed: HTTP ${response.status}`);
      tokenRef.current = login.token;
      setSession({
        token: login.token,
        username,
        displayName: login.account?.displayName ?? username,
        roles: login.account?.roles ?? [],
        expiresAt: login.expiresAt ?? null,
      });
    },
    [endpoint, loginOperation],
  );

  const signOut = useCallback(() => {
    tokenRef.current = null;
    setSession(null);
  }, []);

  const currentToken = useCallback(() => tokenRef.current, []);
  const value = useMemo(() => ({ session, signIn, signOut, currentToken }), [session, signIn, signOut, currentToken]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
