import { queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { RegisteredVehicleList } from '@/types/api';

export function getRegisteredVehicles(signal?: AbortSignal): Promise<RegisteredVehicleList> {
  return apiGet<RegisteredVehicleList>('/api/v1/registry/vehicles', undefined, signal);
}

export function getRegisteredVehiclesQueryOptions() {
  return queryOptions({
    queryKey: ['registry', 'vehicles'],
    queryFn: ({ signal }) => getRegisteredVehicles(signal),
    refetchInterval: refresh.lists,
  });
}

export function useRegisteredVehicles() {
  return useQuery(getRegisteredVehiclesQueryOptions());
}
