import { queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { TripDetail } from '@/types/api';

export function getTrip(tripId: string, signal?: AbortSignal): Promise<TripDetail> {
  return apiGet<TripDetail>(`/api/v1/trips/${encodeURIComponent(tripId)}`, undefined, signal);
}

export function isFinished(trip: TripDetail | undefined): boolean {
  return trip?.status === 'COMPLETED' || trip?.status === 'FAILED';
}

export function getTripQueryOptions(tripId: string) {
  return queryOptions({
    queryKey: ['trip', { tripId }],
    queryFn: ({ signal }) => getTrip(tripId, signal),
    // Poll while the pipeline still works on the trip; a finished trip does not change.
    refetchInterval: (query) => (isFinished(query.state.data) ? false : refresh.activeTrip),
  });
}

export function useTrip(tripId: string) {
  return useQuery(getTripQueryOptions(tripId));
}
