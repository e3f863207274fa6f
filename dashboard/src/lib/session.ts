import { apiError, apiFetch, buildUrl } from '@/lib/api-client';
import { auth } from '@/lib/auth';
import type { Session } from '@/types/api';

/** The gateway's sign-in route (POST opens, GET shows, DELETE ends the session). */
const SESSION = '/api/v1/session';

/**
 * Exchanges a token for a session: the gateway sets the HttpOnly cookie; the token is not kept.
 * Throws ApiError when it refuses (401 unknown, 403 a device key or revoked token); unlike other
 * calls a refusal here leaves the token screen as it is, with the gateway's reason.
 */
export async function signIn(token: string): Promise<Session> {
  const res = await fetch(buildUrl(SESSION), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: token.trim() }),
    credentials: 'same-origin',
  });
  if (!res.ok) throw await apiError(res);
  const session = (await res.json()) as Session;
  auth.signedIn(session);
  return session;
}

/**
 * Asks whose session the cookie opens (after a reload the CSRF token is only in memory), and
 * remembers it; null when there is none (401: the token screen shows) or authentication is off.
 */
export async function loadSession(): Promise<Session | null> {
  const res = await apiFetch('GET', SESSION);
  if (!res.ok) return null;
  const session = (await res.json()) as Session;
  auth.signedIn(session);
  return session;
}

/** Ends the session on the gateway (the cookie opens nothing afterwards) and shows the token screen. */
export async function signOut(): Promise<void> {
  const res = await apiFetch('DELETE', SESSION);
  if (!res.ok && res.status !== 401) throw await apiError(res);
  auth.reject();
}
