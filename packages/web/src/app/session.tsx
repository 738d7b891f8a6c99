import { useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { setClinicTimeZone } from '../ui/format';
import { ApiError, onSessionEnded, reportSessionEnded, request, setCsrfToken } from './api-client';
import type { Output, SessionState, SessionUser } from './types';

export type MfaEnrollment = Output<typeof api.MfaEnrollment>;

interface SessionContextValue {
  /** true until the first GET /auth/me has answered. */
  loading: boolean;
  /** null when signed out; otherwise the session, which may still wait for its second step. */
  session: SessionState | null;
  /** The signed-in person, once both steps are done. */
  user: SessionUser | null;
  /** Why the previous session ended (idle timeout, account deactivated), to show on sign-in. */
  endedNotice: { message: string; userId: string | null } | null;
  /** true right after "Sign out", so the next person starts from Home rather than this page. */
  signedOut: boolean;
  signIn(email: string, password: string): Promise<SessionState>;
  submitCode(code: string): Promise<SessionState>;
  startEnrollment(): Promise<MfaEnrollment>;
  signOut(): Promise<void>;
  /** Asks the server again (also keeps the session alive). */
  refresh(): Promise<void>;
  /** Leaves a half-finished sign-in (back to email and password). */
  cancelSignIn(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const ENDED_MESSAGE =
  'Your session ended after a period without activity, to keep patient information private. Sign in again to go back to where you were; anything you had saved is still there.';

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState(true);
  const [session, setSessionState] = useState<SessionState | null>(null);
  const [endedNotice, setEndedNotice] = useState<SessionContextValue['endedNotice']>(null);
  const [signedOut, setSignedOut] = useState(false);
  const sessionRef = useRef<SessionState | null>(null);

  const setSession = useCallback((next: SessionState | null) => {
    sessionRef.current = next;
    setCsrfToken(next?.csrfToken ?? null);
    setClinicTimeZone(next?.user?.timeZone ?? null);
    setSessionState(next);
  }, []);

  useEffect(() => {
    let cancelled = false;
    request<SessionState>('/auth/me', { sessionEndsOn401: false })
      .then((state) => !cancelled && setSession(state))
      .catch(() => !cancelled && setSession(null))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [setSession]);

  useEffect(() => {
    onSessionEnded((problem) => {
      const current = sessionRef.current;
      if (!current) return;
      // A deactivated account gets the server's own words; an idle timeout gets ours.
      const message = /no longer active/i.test(problem.detail) ? problem.detail : ENDED_MESSAGE;
      setEndedNotice({ message, userId: current.user?.id ?? null });
      setSignedOut(false);
      setSession(null);
      // Nothing read under the old session stays in memory for the next person at this screen.
      queryClient.clear();
    });
    return () => onSessionEnded(null);
  }, [queryClient, setSession]);

  const value = useMemo<SessionContextValue>(
    () => ({
      loading,
      session,
      user: session?.status === 'signed_in' ? session.user : null,
      endedNotice,
      signedOut,
      async signIn(email, password) {
        const state = await request<SessionState>('/auth/login', {
          method: 'POST',
          body: { email, password },
          sessionEndsOn401: false,
        });
        queryClient.clear();
        setSignedOut(false);
        setSession(state);
        return state;
      },
      async submitCode(code) {
        try {
          const state = await request<SessionState>('/auth/mfa', {
            method: 'POST',
            body: { code },
            sessionEndsOn401: false,
          });
          setSession(state);
          return state;
        } catch (error) {
          // A wrong code is a 401 naming the `code` field; a 401 without it means the session is gone.
          const wrongCode = error instanceof ApiError && error.fieldErrors.code !== undefined;
          if (error instanceof ApiError && error.status === 401 && !wrongCode) {
            if (sessionRef.current?.status === 'signed_in') reportSessionEnded(error.problem);
            else setSession(null);
          }
          throw error;
        }
      },
      async startEnrollment() {
        try {
          return await request<MfaEnrollment>('/auth/mfa/enroll', {
            method: 'POST',
            sessionEndsOn401: false,
          });
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) {
            if (sessionRef.current?.status === 'signed_in') reportSessionEnded(error.problem);
            else setSession(null);
          }
          throw error;
        }
      },
      async signOut() {
        try {
          await request<void>('/auth/logout', { method: 'POST', sessionEndsOn401: false });
        } catch (error) {
          // Already ended on the server: signing out here is all that is left to do.
          if (!(error instanceof ApiError && error.status === 401)) throw error;
        }
        setEndedNotice(null);
        setSignedOut(true);
        setSession(null);
        queryClient.clear();
      },
      async refresh() {
        const state = await request<SessionState>('/auth/me');
        setSession(state);
      },
      async cancelSignIn() {
        try {
          await request<void>('/auth/logout', { method: 'POST', sessionEndsOn401: false });
        } catch {
          // The half-made session expires on its own.
        }
        setSession(null);
      },
    }),
    [loading, session, endedNotice, signedOut, queryClient, setSession],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}

/** The signed-in person; only for pages behind <RequireSignedIn>. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a signed-in session.');
  return user;
}
