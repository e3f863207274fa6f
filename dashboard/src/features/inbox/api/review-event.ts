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

/** Sets an event's review status; the inbox reloads (a dismissal re-scores the trip). */
export function useReviewEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: reviewEvent,
    onSuccess: () => client.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
