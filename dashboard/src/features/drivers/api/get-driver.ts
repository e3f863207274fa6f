import { queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { DriverDetail } from '@/types/api';

export function getDriver(driverId: string, signal?: AbortSignal): Promise<DriverDetail> {
  return apiGet<DriverDetail>(`/api/v1/drivers/${encodeURIComponent(driverId)}`, undefined, signal);
}

export function getDriverQueryOptions(driverId: string) {
  return queryOptions({
    queryKey: ['driver', { driverId }],
    queryFn: ({ signal }) => getDriver(driverId, signal),
    refetchInterval: refresh.lists,
  });
}

export function useDriver(driverId: string) {
  return useQuery(getDriverQueryOptions(driverId));
}
