import { queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { AlertList, AlertStatus } from '@/types/api';

export function getAlerts(status: AlertStatus, signal?: AbortSignal): Promise<AlertList> {
  return apiGet<AlertList>('/api/v1/alerts', { status }, signal);
}

export function getAlertsQueryOptions(status: AlertStatus = 'open') {
  return queryOptions({
    queryKey: ['alerts', { status }],
    queryFn: ({ signal }) => getAlerts(status, signal),
    refetchInterval: refresh.alerts,
  });
}

/** Alerts with `status`, polled every few seconds: a crash shows up without a reload. */
export function useAlerts(status: AlertStatus = 'open') {
  return useQuery(getAlertsQueryOptions(status));
}
