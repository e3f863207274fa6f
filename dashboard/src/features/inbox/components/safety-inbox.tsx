import { useState } from 'react';
import { Link } from 'wouter';
import { EntityName } from '@/components/ui/entity-name';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError } from '@/lib/api-client';
import { useCanWrite } from '@/lib/auth';
import { eventTypeLabels, fmtNumber, fmtTime } from '@/lib/format';
import type { InboxEvent, ReviewStatus } from '@/types/api';
import { useInboxEvents, type InboxFilter } from '../api/get-events';
import { useReviewEvent } from '../api/review-event';

const STATUSES: { value: ReviewStatus; label: string }[] = [
  { value: 'needs_review', label: 'Needs review' },
  { value: 'needs_coaching', label: 'Needs coaching' },
  { value: 'coached', label: 'Coached' },
  { value: 'reviewed', label: 'Reviewed' },
  { value: 'dismissed', label: 'Dismissed (not the driver’s fault)' },
];

const statusLabel = (s: ReviewStatus) => STATUSES.find((x) => x.value === s)?.label ?? s;

/** Detected events to review, filterable; operators set a status (a dismissal needs a reason), viewers only read. */
export function SafetyInbox() {
  const [filter, setFilter] = useState<InboxFilter>({ status: 'needs_review' });
  const events = useInboxEvents(filter);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="flex items-center gap-2">
          Status
          <select
            className="rounded border border-slate-300 px-2 py-1"
            value={filter.status ?? ''}
            onChange={(e) => setFilter({ ...filter, status: (e.target.value || undefined) as ReviewStatus | undefined })}
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          Type
          <select
            className="rounded border border-slate-300 px-2 py-1"
            value={filter.type ?? ''}
            onChange={(e) => setFilter({ ...filter, type: e.target.value || undefined })}
          >
            <option value="">Any</option>
            {Object.entries(eventTypeLabels).map(([type, label]) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          Severity
          <select
            className="rounded border border-slate-300 px-2 py-1"
            value={filter.severity ?? ''}
            onChange={(e) => setFilter({ ...filter, severity: e.target.value || undefined })}
          >
            <option value="">Any</option>
            <option value="MODERATE">Moderate</option>
            <option value="HARSH">Harsh</option>
            <option value="SEVERE">Severe</option>
          </select>
        </label>
      </div>
      {events.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : (
        <InboxTable
          items={events.data.pages.flatMap((p) => p.items)}
          open={open}
          onOpen={setOpen}
          more={events.hasNextPage ? () => events.fetchNextPage() : undefined}
        />
      )}
    </div>
  );
}

function InboxTable({
  items,
  open,
  onOpen,
  more,
}: {
  items: InboxEvent[];
  open: string | null;
  onOpen: (key: string | null) => void;
  more?: () => void;
}) {
  const canWrite = useCanWrite();
  if (items.length === 0) return <p className="text-sm text-slate-600">Nothing to review.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Events to review</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">When</th>
            <th scope="col" className="py-2 pr-3 font-medium">Driver</th>
            <th scope="col" className="py-2 pr-3 font-medium">Vehicle</th>
            <th scope="col" className="py-2 pr-3 font-medium">Event</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">Peak</th>
            <th scope="col" className="py-2 pr-3 font-medium">Status</th>
            {canWrite && <th scope="col" className="py-2 font-medium">Review</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const key = `${e.trip_id}:${e.seq}`;
            return (
              <tr key={key} data-event={key} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3 whitespace-nowrap">
                  <Link href={`/trips/${e.trip_id}`} className="text-sky-800 underline">
                    {fmtTime(e.started_at)}
                  </Link>
                </td>
                <td className="py-2 pr-3">
                  <EntityName id={e.driver_id} name={e.driver_name} />
                </td>
                <td className="py-2 pr-3">
                  <EntityName id={e.vehicle_id} name={e.vehicle_name} />
                </td>
                <td className="py-2 pr-3">
                  {eventTypeLabels[e.event_type] ?? e.event_type} · {e.severity}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {e.event_type === 'SPEEDING' ? `${fmtNumber(e.peak, 0)} km/h` : `${fmtNumber(e.peak, 2)} g`}
                </td>
                <td className="py-2 pr-3">{statusLabel(e.status)}</td>
                {canWrite && (
                  <td className="py-2">
                    {open === key ? (
                      <ReviewForm event={e} onDone={() => onOpen(null)} />
                    ) : (
                      <button type="button" className="text-sky-800 underline" onClick={() => onOpen(key)}>
                        Review
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {more && (
        <button type="button" className="mt-3 rounded border border-slate-300 px-3 py-1 text-sm" onClick={more}>
          More
        </button>
      )}
    </div>
  );
}

function ReviewForm({ event, onDone }: { event: InboxEvent; onDone: () => void }) {
  const review = useReviewEvent();
  const [status, setStatus] = useState<ReviewStatus>(event.status);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const needsReason = status === 'dismissed' && reason.trim() === '';
  const error = review.error instanceof ApiError ? review.error.message : review.error ? String(review.error) : null;
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(ev) => {
        ev.preventDefault();
        review.mutate(
          {
            tripId: event.trip_id,
            seq: event.seq,
            request: { status, reason: reason.trim() || undefined, comment: comment.trim() || undefined },
          },
          { onSuccess: onDone },
        );
      }}
    >
      <label className="flex flex-col">
        New status
        <select
          className="rounded border border-slate-300 px-2 py-1"
          value={status}
          onChange={(e) => setStatus(e.target.value as ReviewStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Reason{status === 'dismissed' ? ' (required to dismiss)' : ''}
        <input className="rounded border border-slate-300 px-2 py-1" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label className="flex flex-col">
        Comment
        <input className="rounded border border-slate-300 px-2 py-1" value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={needsReason || review.isPending} className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50">
          Save
        </button>
        <button type="button" className="rounded border border-slate-300 px-3 py-1" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
