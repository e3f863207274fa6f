import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { TripSamples } from '@/types/api';

export const DEFAULT_CHART_POINTS = 4_000;

export function getTripSamples(
  tripId: string,
  maxPoints: number,
  signal?: AbortSignal,
): Promise<TripSamples> {
  return apiGet<TripSamples>(
    `/api/v1/trips/${encodeURIComponent(tripId)}/samples`,
    { max_points: maxPoints },
    signal,
  );
}

export function getTripSamplesQueryOptions(tripId: string, maxPoints = DEFAULT_CHART_POINTS) {
  return queryOptions({
    queryKey: ['trip-samples', { tripId, maxPoints }],
    queryFn: ({ signal }) => getTripSamples(tripId, maxPoints, signal),
    staleTime: Infinity, // a trip's samples never change
  });
}

export function useTripSamples(tripId: string, maxPoints = DEFAULT_CHART_POINTS) {
  return useQuery(getTripSamplesQueryOptions(tripId, maxPoints));
}
