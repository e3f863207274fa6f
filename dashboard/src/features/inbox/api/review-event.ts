import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import type { EventReviewRequest, EventReviewSaved } from '@/types/api';

export type ReviewInput = { tripId: string; seq: number; request: EventReviewRequest };

export function reviewEvent({ tripId, seq, request }: ReviewInput): Promise<EventReviewSaved> {
  return apiSend<EventReviewSaved>(
    'POST',
    `/api/v1/trips/${encodeURIComponent(tripId)}/events/${seq}/review`,
    request,
  );
}

/** Sets an event's review status; the inbox and the event's log reload (a dismissal re-scores the trip). */
export function useReviewEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: reviewEvent,
    onSuccess: (_saved, { tripId, seq }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['inbox'] }),
        client.invalidateQueries({ queryKey: ['event-review', { tripId, seq }] }),
      ]),
  });
}
