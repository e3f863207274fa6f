import { useSyncExternalStore } from 'react';
import { LEGACY_TOKEN_STORAGE_KEY } from '@/config/env';
import type { Session } from '@/types/api';

/**
 * Who is signed in. No secret stays in the browser's storage: the token screen posts the token to
 * the gateway (lib/session.ts), which answers with an HttpOnly session cookie that scripts cannot
 * read, and with the session's CSRF token, kept here in memory only and sent on writes. A 401 ends
 * the session here, so the token screen shows again.
 */
type AuthState = { session: Session | null; rejected: boolean };

let state: AuthState = { session: null, rejected: false };
const listeners = new Set<() => void>();

function emit(next: AuthState) {
  state = next;
  listeners.forEach((l) => l());
}

export const auth = {
  get: () => state,
  /** The CSRF token of the current session, for the X-CSRF-Token header of writes. */
  csrfToken: () => state.session?.csrf_token ?? null,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signedIn(session: Session) {
    emit({ session, rejected: false });
  },
  /** The gateway wants a sign-in (401), or the user signed out: show the token screen. */
  reject() {
    emit({ session: null, rejected: true });
  },
  /**
   * Earlier versions kept the token in localStorage and took it from `?token=` links: delete any
   * stored copy, and drop the parameter from the address without using it.
   */
  forgetStoredToken(location: Location = window.location) {
    for (const storage of [window.localStorage, window.sessionStorage]) {
      try {
        storage.removeItem(LEGACY_TOKEN_STORAGE_KEY);
      } catch {
        // storage unavailable: nothing stored there either
      }
    }
    const params = new URLSearchParams(location.search);
    if (!params.has('token')) return;
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
  },
  /** For tests: nobody signed in, nothing refused. */
  reset() {
    emit({ session: null, rejected: false });
  },
};

/**
 * Whether to offer changes: to an operator's session, and when no session is known (authentication
 * off, or not asked yet; the gateway decides). A viewer's session sees no write control.
 */
export function useCanWrite(): boolean {
  const { session } = useAuth();
  return session === null || session.role === 'OPERATOR';
}

export function useAuth(): AuthState {
  return useSyncExternalStore(auth.subscribe, auth.get, auth.get);
}
