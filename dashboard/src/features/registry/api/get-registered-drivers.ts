import { queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { RegisteredDriverList } from '@/types/api';

export function getRegisteredDrivers(signal?: AbortSignal): Promise<RegisteredDriverList> {
  return apiGet<RegisteredDriverList>('/api/v1/registry/drivers', undefined, signal);
}

export function getRegisteredDriversQueryOptions() {
  return queryOptions({
    queryKey: ['registry', 'drivers'],
    queryFn: ({ signal }) => getRegisteredDrivers(signal),
    refetchInterval: refresh.lists,
  });
}

export function useRegisteredDrivers() {
  return useQuery(getRegisteredDriversQueryOptions());
}
