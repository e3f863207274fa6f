import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { DriverList, DriverSort, SortOrder } from '@/types/api';

export type DriversParams = { search?: string; sort: DriverSort; order: SortOrder };

export function getDrivers(params: DriversParams, signal?: AbortSignal): Promise<DriverList> {
  return apiGet<DriverList>('/api/v1/drivers', params, signal);
}

export function getDriversQueryOptions(params: DriversParams) {
  return queryOptions({
    queryKey: ['drivers', params],
    queryFn: ({ signal }) => getDrivers(params, signal),
    refetchInterval: refresh.lists,
    placeholderData: keepPreviousData,
  });
}

export function useDrivers(params: DriversParams) {
  return useQuery(getDriversQueryOptions(params));
}
