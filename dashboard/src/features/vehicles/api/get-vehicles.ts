import { queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { Items, Vehicle } from '@/types/api';

export function getVehicles(signal?: AbortSignal): Promise<Items<Vehicle>> {
  return apiGet<Items<Vehicle>>('/api/v1/vehicles', undefined, signal);
}

export function getVehiclesQueryOptions() {
  return queryOptions({
    queryKey: ['vehicles'],
    queryFn: ({ signal }) => getVehicles(signal),
    refetchInterval: refresh.lists,
  });
}

export function useVehicles() {
  return useQuery(getVehiclesQueryOptions());
}
