import { queryOptions, useQuery } from '@tanstack/react-query';
import { refresh } from '@/config/env';
import { apiGet } from '@/lib/api-client';
import type { Pipeline } from '@/types/api';

export function getPipeline(signal?: AbortSignal): Promise<Pipeline> {
  return apiGet<Pipeline>('/api/v1/pipeline', undefined, signal);
}

export function getPipelineQueryOptions() {
  return queryOptions({
    queryKey: ['pipeline'],
    queryFn: ({ signal }) => getPipeline(signal),
    refetchInterval: refresh.pipeline,
  });
}

export function usePipeline() {
  return useQuery(getPipelineQueryOptions());
}
