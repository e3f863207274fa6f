import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { fmtTime, reviewStatusLabel as statusLabel } from '@/lib/format';
import { useEventReview } from '../api/get-event-review';

/** An event's current review and every change of it: who (the API key's name), when, from → to, why. */
export function ActivityLog({ tripId, seq }: { tripId: string; seq: number }) {
  const review = useEventReview(tripId, seq);
  if (review.isPending) return <Skeleton className="h-24 w-full" />;
  if (review.isError) return <ErrorState error={review.error} onRetry={() => review.refetch()} />;
  const { review: current, log } = review.data;
  return (
    <div className="space-y-2 text-sm" data-testid="activity-log">
      <p>
        Now: <strong>{statusLabel(current.status)}</strong>
        {current.updated_by ? (
          <>
            {' '}
            · set by {current.updated_by}, {fmtTime(current.updated_at)}
          </>
        ) : (
          ' · nobody has reviewed this event yet'
        )}
      </p>
      {log.length === 0 ? (
        <p className="text-slate-600">No changes yet.</p>
      ) : (
        <ol aria-label="Activity log, oldest first" className="space-y-2">
          {log.map((entry) => (
            <li key={entry.id} data-log-entry={entry.id} className="border-l-2 border-slate-300 pl-2">
              <div className="text-slate-600">
                {fmtTime(entry.changed_at)} · <span className="text-slate-900">{entry.changed_by}</span>
              </div>
              <div>
                {statusLabel(entry.old_status)} → <strong>{statusLabel(entry.new_status)}</strong>
              </div>
              {entry.reason && <div>Reason: {entry.reason}</div>}
              {entry.comment && <div>Comment: {entry.comment}</div>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
