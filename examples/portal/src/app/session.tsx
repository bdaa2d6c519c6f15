import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { PublicUser } from '../../server/users.js';

/** The signed-in portal user, as the portal backend describes them. */
export type PortalUser = PublicUser;

/** A sign-in the backend refused: `status` 401 for a wrong email or password, else something else went wrong. */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

interface SessionValue {
  /** undefined while the session is being checked. */
  user: PortalUser | null | undefined;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The portal's own cookie session: checked once at start, then changed by `login` and `logout`. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<PortalUser | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    const check = async (): Promise<PortalUser | null> => {
      const r = await fetch('/api/session');
      return r.ok ? ((await r.json()) as { user: PortalUser }).user : null;
    };
    check()
      .catch(() => null)
      .then((current) => {
        if (!cancelled) setUser(current);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const res = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json().catch(() => ({}))) as { user?: PortalUser; error?: string };
    if (!res.ok || !body.user) throw new LoginError(body.error ?? 'Sign-in failed.', res.status);
    setUser(body.user);
  }, []);

  const logout = useCallback(async () => {
    await fetch('/api/logout', { method: 'POST' }).catch(() => {});
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession: no <SessionProvider> above this component.');
  return value;
}
