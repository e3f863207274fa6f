import { queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { VehicleList } from '@/types/api';

export function getVehicles(signal?: AbortSignal): Promise<VehicleList> {
  return apiGet<VehicleList>('/api/v1/vehicles', undefined, signal);
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
