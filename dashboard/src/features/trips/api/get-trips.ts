import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { TripPage, TripStatus } from '@/types/api';

export type TripsParams = {
  driverId?: string;
  vehicleId?: string;
  status?: TripStatus;
  limit?: number;
};

export function getTrips(
  params: TripsParams,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<TripPage> {
  return apiGet<TripPage>(
    '/api/v1/trips',
    {
      driver_id: params.driverId,
      vehicle_id: params.vehicleId,
      status: params.status,
      limit: params.limit ?? 20,
      cursor,
    },
    signal,
  );
}

export function getTripsQueryOptions(params: TripsParams) {
  return infiniteQueryOptions({
    queryKey: ['trips', params],
    queryFn: ({ pageParam, signal }) => getTrips(params, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    refetchInterval: refresh.overview,
  });
}

export function useTrips(params: TripsParams) {
  return useInfiniteQuery(getTripsQueryOptions(params));
}
