import { Link } from 'wouter';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useCanWrite } from '@/lib/auth';
import { crashImpactLabel, crashSeverityLabel, eventTypeLabels, fmtTime, shortId } from '@/lib/format';
import type { Alert } from '@/types/api';
import { useAcknowledgeAlert } from '../api/acknowledge-alert';
import { useAlerts } from '../api/get-alerts';

function what(a: Alert): string {
  if (a.event_type === 'CRASH') {
    return `Crash · ${crashSeverityLabel(a.severity)} · ${crashImpactLabel(a)}`;
  }
  return `${eventTypeLabels[a.event_type] ?? a.event_type} · ${a.severity}`;
}

/** Open alerts (crashes and severe events), newest first; operators get an acknowledge button on each. */
export function AlertsPanel() {
  const alerts = useAlerts('open');
  const acknowledge = useAcknowledgeAlert();
  const canWrite = useCanWrite();
  const open = alerts.data?.items ?? [];
  return (
    <Card
      title={alerts.isSuccess && open.length > 0 ? `Open alerts (${open.length})` : 'Open alerts'}
      className={open.length > 0 ? 'border-red-300' : ''}
    >
      {alerts.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => alerts.refetch()} />
      ) : open.length === 0 ? (
        <p className="text-sm text-slate-600">No open alerts.</p>
      ) : (
        <ul aria-label="Open alerts" className="divide-y divide-slate-100">
          {open.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-alert-id={a.id}>
              <div className="text-sm">
                <span className="font-semibold text-red-800">{what(a)}</span>
                <span className="ml-2 text-slate-600">
                  trip{' '}
                  <Link href={`/trips/${a.trip_id}`} className="font-mono underline" title={a.trip_id}>
                    {shortId(a.trip_id)}
                  </Link>{' '}
                  · driver <span title={a.driver_id} className="font-mono">{shortId(a.driver_id)}</span> ·{' '}
                  {fmtTime(a.raised_at)}
                </span>
              </div>
              {canWrite && (
                <button
                  type="button"
                  onClick={() => acknowledge.mutate(a.id)}
                  disabled={acknowledge.isPending && acknowledge.variables === a.id}
                  className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50"
                  aria-label={`Acknowledge ${what(a)} on trip ${shortId(a.trip_id)}`}
                >
                  Acknowledge
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {acknowledge.isError && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          Could not acknowledge: {acknowledge.error.message}
        </p>
      )}
    </Card>
  );
}
