import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { apiGet, ApiError, buildUrl } from './api-client';
import { auth } from './auth';

describe('apiGet', () => {
  it('sends the operator token and drops empty query parameters', async () => {
    let seen: Request | undefined;
    server.use(
      http.get('*/api/v1/drivers', ({ request }) => {
        seen = request;
        return HttpResponse.json({ items: [] });
      }),
    );
    auth.setToken('op-123');

    await apiGet('/api/v1/drivers', { search: '', sort: 'score', cursor: null });

    expect(seen?.headers.get('Authorization')).toBe('Bearer op-123');
    expect(new URL(seen!.url).search).toBe('?sort=score');
  });

  it('throws the problem title and detail on a non-2xx answer', async () => {
    server.use(http.get('*/api/v1/pipeline', () => problem(503, 'Service unavailable', 'the database is unavailable')));

    const error = await apiGet('/api/v1/pipeline').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).message).toBe('Service unavailable: the database is unavailable');
  });

  it('forgets a device key used as operator token (403)', async () => {
    auth.setToken('device-key');
    server.use(http.get('*/api/v1/pipeline', () => problem(403, 'Forbidden')));

    await expect(apiGet('/api/v1/pipeline')).rejects.toMatchObject({ status: 403 });

    expect(auth.get()).toEqual({ token: null, rejected: true });
  });

  it('forgets a refused token on 401', async () => {
    auth.setToken('stale');
    server.use(http.get('*/api/v1/pipeline', () => problem(401, 'Unauthorized')));

    await expect(apiGet('/api/v1/pipeline')).rejects.toBeInstanceOf(ApiError);

    expect(auth.get()).toEqual({ token: null, rejected: true });
    expect(window.localStorage.length).toBe(0);
  });

  it('builds URLs with encoded parameters', () => {
    expect(buildUrl('/api/v1/trips', { from: '2026-05-01T00:00:00+02:00', limit: 5 })).toBe(
      '/api/v1/trips?from=2026-05-01T00%3A00%3A00%2B02%3A00&limit=5',
    );
  });
});

describe('auth', () => {
  it('moves ?token= from the address into storage', () => {
    window.history.replaceState(null, '', '/drivers?token=abc&x=1');

    expect(auth.adoptTokenFromUrl()).toBe(true);

    expect(auth.token()).toBe('abc');
    expect(window.location.pathname + window.location.search).toBe('/drivers?x=1');
    expect(window.localStorage.getItem('fleetflow.operatorToken')).toBe('abc');
  });
});
