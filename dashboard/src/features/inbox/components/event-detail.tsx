import type { ReactNode } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useCanWrite } from '@/lib/auth';
import { eventTypeLabels, shortId } from '@/lib/format';
import { useEventReview } from '../api/get-event-review';
import { ActivityLog } from './activity-log';
import { ReviewForm } from './review-form';

/** Draws the trip's chart around an event (the page passes the trips feature's chart). */
export type EventChart = (event: { tripId: string; startMs: number; endMs: number }) => ReactNode;

type Props = { tripId: string; seq: number; startMs: number; endMs: number; chart: EventChart; onClose: () => void };

/** One event opened: the chart around it and its activity log. */
export function EventDetail({ tripId, seq, startMs, endMs, chart, onClose }: Props) {
  return (
    <div className="grid gap-4 py-2 lg:grid-cols-3" data-testid="event-detail">
      <section aria-label="Around the event" className="lg:col-span-2">
        {chart({ tripId, startMs, endMs })}
      </section>
      <section aria-label="Activity log">
        <div className="mb-2 flex items-center justify-between gap-2">
          <h2 className="text-sm font-semibold text-slate-800">Activity log</h2>
          <button type="button" className="text-sky-800 underline" onClick={onClose}>
            Close
          </button>
        </div>
        <ActivityLog tripId={tripId} seq={seq} />
      </section>
    </div>
  );
}

/**
 * An opened event the list does not show (another page, or its status left the filter, e.g. just
 * dismissed): what it is, its detail and, for an operator, the review form.
 */
export function SelectedEventCard({
  tripId,
  seq,
  chart,
  formOpen,
  onSaved,
  onClose,
}: {
  tripId: string;
  seq: number;
  chart: EventChart;
  formOpen: boolean;
  onSaved: () => void;
  onClose: () => void;
}) {
  const canWrite = useCanWrite();
  const review = useEventReview(tripId, seq);
  if (review.isPending) return <Skeleton className="h-40 w-full" />;
  if (review.isError) return <ErrorState error={review.error} onRetry={() => review.refetch()} />;
  const r = review.data.review;
  return (
    <section
      aria-label="Opened event"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="selected-event"
    >
      <h2 className="text-base font-semibold text-slate-800">
        {eventTypeLabels[r.event_type] ?? r.event_type}, event {seq} of trip{' '}
        <span title={tripId} className="font-mono">{shortId(tripId)}</span>
      </h2>
      <p className="text-sm text-slate-600">Not in the list with these filters.</p>
      {formOpen && canWrite && (
        <div className="my-3 max-w-sm">
          <ReviewForm tripId={tripId} seq={seq} status={r.status} onSaved={onSaved} onCancel={onClose} />
        </div>
      )}
      <EventDetail tripId={tripId} seq={seq} startMs={r.start_ms} endMs={r.end_ms} chart={chart} onClose={onClose} />
    </section>
  );
}
