import { queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { FleetSummary } from '@/types/api';

export function getFleetSummary(days: number, signal?: AbortSignal): Promise<FleetSummary> {
  return apiGet<FleetSummary>('/api/v1/fleet/summary', { days }, signal);
}

export function getFleetSummaryQueryOptions(days = 7) {
  return queryOptions({
    queryKey: ['fleet-summary', { days }],
    queryFn: ({ signal }) => getFleetSummary(days, signal),
    refetchInterval: refresh.overview,
  });
}

export function useFleetSummary(days = 7) {
  return useQuery(getFleetSummaryQueryOptions(days));
}
