import { useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { useCanWrite } from '@/lib/auth';
import type { ReviewStatus } from '@/types/api';
import { useReviewEvent } from '../api/review-event';
import { reviewStatuses as STATUSES } from '@/lib/format';

type Props = { tripId: string; seq: number; status: ReviewStatus; onSaved: () => void; onCancel: () => void };

/** An operator's change of an event's review: a status, a reason (required to dismiss), a comment; nothing for a viewer. */
export function ReviewForm({ tripId, seq, status: current, onSaved, onCancel }: Props) {
  const canWrite = useCanWrite();
  const review = useReviewEvent();
  const [status, setStatus] = useState<ReviewStatus>(current);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  // Viewers get no form at all (the page says they read only); the gateway would refuse anyway.
  if (!canWrite) return null;
  const needsReason = status === 'dismissed' && reason.trim() === '';
  const error = review.error instanceof ApiError ? review.error.message : review.error ? String(review.error) : null;
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(ev) => {
        ev.preventDefault();
        review.mutate(
          { tripId, seq, request: { status, reason: reason.trim() || undefined, comment: comment.trim() || undefined } },
          { onSuccess: onSaved },
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
        <button type="button" className="rounded border border-slate-300 px-3 py-1" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
