import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { TRIP, tripDetail, tripSummary } from '@/testing/mocks/fixtures';
import { server } from '@/testing/mocks/server';
import { testQueryClient } from '@/testing/test-utils';
import { getTripQueryOptions, useTrip } from './get-trip';
import { useTrips } from './get-trips';

function wrapper() {
  const client = testQueryClient();
  return {
    client,
    Wrapper: ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    ),
  };
}

describe('trip hooks', () => {
  it('useTrip polls an unfinished trip until it is finished', async () => {
    let calls = 0;
    server.use(
      http.get('*/api/v1/trips/:id', () => {
        calls += 1;
        return HttpResponse.json(tripDetail({ status: calls < 2 ? 'PROCESSING' : 'COMPLETED' }));
      }),
    );
    const { Wrapper } = wrapper();

    const { result } = renderHook(() => useTrip(TRIP), { wrapper: Wrapper });

    await waitFor(() => expect(result.current.data?.status).toBe('COMPLETED'), { timeout: 5000 });
    const interval = getTripQueryOptions(TRIP).refetchInterval as (q: unknown) => number | false;
    expect(interval({ state: { data: result.current.data } })).toBe(false);
    expect(interval({ state: { data: tripDetail({ status: 'PENDING' }) } })).toBeGreaterThan(0);
  });

  it('useTrips pages on with the cursor and keeps the filters', async () => {
    const seen: URLSearchParams[] = [];
    server.use(
      http.get('*/api/v1/trips', ({ request }) => {
        const p = new URL(request.url).searchParams;
        seen.push(p);
        return p.get('cursor')
          ? HttpResponse.json({ items: [tripSummary('b')], next_cursor: null })
          : HttpResponse.json({ items: [tripSummary('a')], next_cursor: 'c1' });
      }),
    );
    const { Wrapper } = wrapper();

    const { result } = renderHook(() => useTrips({ driverId: 'd1', limit: 1 }), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    await result.current.fetchNextPage();

    await waitFor(() =>
      expect(result.current.data?.pages.flatMap((p) => p.items.map((t) => t.trip_id))).toEqual(['a', 'b']),
    );
    expect(result.current.hasNextPage).toBe(false);
    expect(seen[1].get('cursor')).toBe('c1');
    expect(seen[1].get('driver_id')).toBe('d1');
    expect(seen[1].get('limit')).toBe('1');
  });
});
