import { queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { AuditList, RegistryEntity } from '@/types/api';

export type AuditParams = { entity?: RegistryEntity; id?: string; limit?: number };

export function getRegistryAudit(params: AuditParams, signal?: AbortSignal): Promise<AuditList> {
  return apiGet<AuditList>('/api/v1/registry/audit', params, signal);
}

export function getRegistryAuditQueryOptions(params: AuditParams) {
  return queryOptions({
    queryKey: ['registry', 'audit', params],
    queryFn: ({ signal }) => getRegistryAudit(params, signal),
    refetchInterval: refresh.lists,
  });
}

export function useRegistryAudit(params: AuditParams) {
  return useQuery(getRegistryAuditQueryOptions(params));
}
