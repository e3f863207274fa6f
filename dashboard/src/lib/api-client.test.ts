import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problem } from '@/testing/mocks/handlers';
import { session } from '@/testing/mocks/fixtures';
import { server } from '@/testing/mocks/server';
import { apiGet, apiSend, ApiError, buildUrl } from './api-client';
import { auth } from './auth';

afterEach(() => vi.restoreAllMocks());

describe('apiGet', () => {
  it('sends the session cookie, no token and no CSRF header, and drops empty query parameters', async () => {
    auth.signedIn(session('OPERATOR'));
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    let seen: Request | undefined;
    server.use(
      http.get('*/api/v1/drivers', ({ request }) => {
        seen = request;
        return HttpResponse.json({ items: [] });
      }),
    );

    await apiGet('/api/v1/drivers', { search: '', sort: 'score', cursor: null });

    expect(fetchSpy.mock.calls[0][1]).toMatchObject({ method: 'GET', credentials: 'same-origin' });
    expect(seen?.headers.get('Authorization')).toBeNull();
    expect(seen?.headers.get('X-CSRF-Token')).toBeNull();
    expect(new URL(seen!.url).search).toBe('?sort=score');
  });

  it('throws the problem title and detail on a non-2xx answer', async () => {
    server.use(http.get('*/api/v1/pipeline', () => problem(503, 'Service unavailable', 'the database is unavailable')));

    const error = await apiGet('/api/v1/pipeline').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).message).toBe('Service unavailable: the database is unavailable');
  });

  it('ends the session here on 401, so the token screen shows', async () => {
    auth.signedIn(session('OPERATOR'));
    server.use(http.get('*/api/v1/pipeline', () => problem(401, 'Unauthorized')));

    await expect(apiGet('/api/v1/pipeline')).rejects.toBeInstanceOf(ApiError);

    expect(auth.get()).toEqual({ session: null, rejected: true });
  });

  it('keeps the session on 403 (a viewer may read but not write)', async () => {
    auth.signedIn(session('VIEWER'));
    server.use(http.get('*/api/v1/pipeline', () => problem(403, 'Forbidden')));

    await expect(apiGet('/api/v1/pipeline')).rejects.toMatchObject({ status: 403 });

    expect(auth.get().session?.role).toBe('VIEWER');
  });

  it('builds URLs with encoded parameters', () => {
    expect(buildUrl('/api/v1/trips', { from: '2026-05-01T00:00:00+02:00', limit: 5 })).toBe(
      '/api/v1/trips?from=2026-05-01T00%3A00%3A00%2B02%3A00&limit=5',
    );
  });
});

describe('apiSend', () => {
  it("sends the session's CSRF token and the cookie with a write", async () => {
    auth.signedIn(session('OPERATOR'));
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    let seen: Request | undefined;
    server.use(
      http.put('*/api/v1/vehicles/:id', ({ request }) => {
        seen = request;
        return HttpResponse.json({ name: 'Van 12' });
      }),
    );

    await apiSend('PUT', '/api/v1/vehicles/v1', { name: 'Van 12' });

    expect(fetchSpy.mock.calls[0][1]).toMatchObject({ method: 'PUT', credentials: 'same-origin' });
    expect(seen?.headers.get('X-CSRF-Token')).toBe('csrf-operator');
    expect(seen?.headers.get('Content-Type')).toBe('application/json');
    expect(seen?.headers.get('Authorization')).toBeNull();
  });
});

describe('auth', () => {
  it('deletes a token stored by earlier versions and drops ?token= from the address unused', () => {
    window.localStorage.setItem('fleetflow.operatorToken', 'ffo_old');
    window.sessionStorage.setItem('fleetflow.operatorToken', 'ffo_old');
    window.history.replaceState(null, '', '/drivers?token=abc&x=1');

    auth.forgetStoredToken();

    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
    expect(window.location.pathname + window.location.search).toBe('/drivers?x=1');
    expect(auth.get()).toEqual({ session: null, rejected: false });
  });
});
