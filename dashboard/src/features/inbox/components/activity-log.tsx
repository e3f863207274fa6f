import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { fmtTime } from '@/lib/format';
import { useEventReview } from '../api/get-event-review';
import { statusLabel } from './statuses';

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
        <table className="w-full text-left">
          <caption className="sr-only">Activity log: every change of this event’s review, oldest first</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">When</th>
              <th scope="col" className="py-1 pr-3 font-medium">Who</th>
              <th scope="col" className="py-1 pr-3 font-medium">Change</th>
              <th scope="col" className="py-1 pr-3 font-medium">Reason</th>
              <th scope="col" className="py-1 font-medium">Comment</th>
            </tr>
          </thead>
          <tbody>
            {log.map((entry) => (
              <tr key={entry.id} data-log-entry={entry.id} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-3 whitespace-nowrap">{fmtTime(entry.changed_at)}</td>
                <td className="py-1 pr-3">{entry.changed_by}</td>
                <td className="py-1 pr-3">
                  {statusLabel(entry.old_status)} → {statusLabel(entry.new_status)}
                </td>
                <td className="py-1 pr-3">{entry.reason ?? '—'}</td>
                <td className="py-1">{entry.comment ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
