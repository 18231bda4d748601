import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** What the console reads from a token to show who is signed in. The gateway verifies the token; this does not. */
export interface SessionClaims {
  sub: string;
  name?: string;
  department: string;
  roles: string[];
  /** Seconds since the epoch. */
  exp?: number;
}

export interface Session {
  token: string;
  claims: SessionClaims;
}

/**
 * The token lives in this tab's session storage (gone when the tab closes), never in localStorage, so
 * another tab or a later visitor of the same browser profile does not inherit it.
 */
const STORAGE_KEY = 'labour-console.session';

/** The claims of a JWT, or null when it is not one. Only for display: nothing here is trusted. */
function claimsOf(token: string): SessionClaims | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if (typeof payload.sub !== 'string' || typeof payload.department !== 'string') return null;
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    return {
      sub: payload.sub,
      department: payload.department,
      roles,
      ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
      ...(typeof payload.exp === 'number' ? { exp: payload.exp } : {}),
    };
  } catch {
    return null;
  }
}

function expired(claims: SessionClaims, now = Date.now()): boolean {
  return claims.exp !== undefined && claims.exp * 1000 <= now;
}

function readStored(): Session | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (!token) return null;
  const claims = claimsOf(token);
  if (!claims || expired(claims)) {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
  return { token, claims };
}

interface SessionValue {
  session: Session | null;
  /** Signs in with a token; false when it is not a token the console can read. */
  signIn(token: string): boolean;
  signOut(): void;
  /** The current token, for the GraphQL client (null once it has expired). */
  token(): string | null;
  hasRole(...roles: string[]): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readStored);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);

  const signIn = useCallback((token: string) => {
    const claims = claimsOf(token);
    if (!claims || expired(claims)) return false;
    sessionStorage.setItem(STORAGE_KEY, token.trim());
    setSession({ token: token.trim(), claims });
    return true;
  }, []);

  // Signed out when the token expires, rather than failing every request after that.
  useEffect(() => {
    if (!session?.claims.exp) return undefined;
    const left = session.claims.exp * 1000 - Date.now();
    const timer = setTimeout(signOut, Math.max(0, Math.min(left, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const value = useMemo<SessionValue>(
    () => ({
      session,
      signIn,
      signOut,
      token: () => {
        const current = readStored();
        return current?.token ?? null;
      },
      hasRole: (...roles) => Boolean(session && roles.some((r) => session.claims.roles.includes(r))),
    }),
    [session, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
