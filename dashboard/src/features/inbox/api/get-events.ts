import { useInfiniteQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { InboxEventPage, ReviewStatus } from '@/types/api';

/** Query parameters of GET /api/v1/events; `from` and `to` are UTC days (both included). */
export type InboxFilter = {
  status?: ReviewStatus;
  type?: string;
  severity?: string;
  driver_id?: string;
  vehicle_id?: string;
  trip_id?: string;
  from?: string;
  to?: string;
};

/** The safety inbox: detected events with their review status, newest first, page by page. */
export function useInboxEvents(filter: InboxFilter) {
  return useInfiniteQuery({
    queryKey: ['inbox', filter],
    queryFn: ({ pageParam, signal }) =>
      apiGet<InboxEventPage>('/api/v1/events', { ...filter, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
