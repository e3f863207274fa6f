import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { EventReviewWithLog } from '@/types/api';

export function getEventReview(tripId: string, seq: number, signal?: AbortSignal): Promise<EventReviewWithLog> {
  return apiGet<EventReviewWithLog>(
    `/api/v1/trips/${encodeURIComponent(tripId)}/events/${seq}/review`,
    undefined,
    signal,
  );
}

export function getEventReviewQueryOptions(tripId: string, seq: number) {
  return queryOptions({
    queryKey: ['event-review', { tripId, seq }],
    queryFn: ({ signal }) => getEventReview(tripId, seq, signal),
  });
}

/** An event's current review and its activity log (who changed what, when), oldest first. */
export function useEventReview(tripId: string, seq: number) {
  return useQuery(getEventReviewQueryOptions(tripId, seq));
}
