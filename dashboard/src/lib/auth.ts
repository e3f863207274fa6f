import { useSyncExternalStore } from 'react';
import { TOKEN_STORAGE_KEY } from '@/config/env';

/**
 * The operator token: kept in localStorage, taken once from `?token=` (the launcher prints such a
 * link), and dropped when the gateway answers 401 so the token screen shows again.
 */
type AuthState = { token: string | null; rejected: boolean };

let state: AuthState = { token: readStored(), rejected: false };
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function emit(next: AuthState) {
  state = next;
  listeners.forEach((l) => l());
}

export const auth = {
  get: () => state,
  token: () => state.token,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  setToken(token: string) {
    const trimmed = token.trim();
    window.localStorage.setItem(TOKEN_STORAGE_KEY, trimmed);
    emit({ token: trimmed, rejected: false });
  },
  /** The gateway refused the token (or wants one): forget it and ask for another. */
  reject() {
    window.localStorage.removeItem(TOKEN_STORAGE_KEY);
    emit({ token: null, rejected: true });
  },
  /** Moves `?token=` from the address into storage, so it is neither bookmarked nor shared. */
  adoptTokenFromUrl(location: Location = window.location) {
    const params = new URLSearchParams(location.search);
    const token = params.get('token');
    if (!token) return false;
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
    auth.setToken(token);
    return true;
  },
  /** For tests: start from what localStorage holds now. */
  reset() {
    emit({ token: readStored(), rejected: false });
  },
};

/** What a token may do, from its prefix (the gateway decides; this only hides what would be refused). */
export type Role = 'operator' | 'viewer' | 'device' | 'unknown';

export function roleOf(token: string | null): Role {
  if (token?.startsWith('ffo_')) return 'operator';
  if (token?.startsWith('ffv_')) return 'viewer';
  if (token?.startsWith('ffd_')) return 'device';
  return 'unknown';
}

/** Whether to offer changes: for operator tokens, and when the role is unknown (the gateway says). */
export function useCanWrite(): boolean {
  const role = roleOf(useAuth().token);
  return role === 'operator' || role === 'unknown';
}

export function useAuth(): AuthState {
  return useSyncExternalStore(auth.subscribe, auth.get, auth.get);
}
