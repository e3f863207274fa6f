import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';

/** Shared query defaults: no retry on 4xx (a retry cannot fix them), a short stale time. */
export const queryDefaults: DefaultOptions = {
  queries: {
    staleTime: 2_000,
    refetchOnWindowFocus: true,
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
  },
};

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryDefaults });
}
