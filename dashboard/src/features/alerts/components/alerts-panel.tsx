import { useState } from 'react';
import { Link } from 'wouter';
import { Card } from '@/components/ui/card';
import { EntityName } from '@/components/ui/entity-name';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useCanWrite } from '@/lib/auth';
import { crashImpactLabel, crashSeverityLabel, eventTypeLabels, fmtTime, shortId } from '@/lib/format';
import type { Alert, AlertStatus } from '@/types/api';
import { useAcknowledgeAlert } from '../api/acknowledge-alert';
import { useAlerts } from '../api/get-alerts';

function what(a: Alert): string {
  if (a.event_type === 'CRASH') {
    return `Crash · ${crashSeverityLabel(a.severity)} · ${crashImpactLabel(a)}`;
  }
  return `${eventTypeLabels[a.event_type] ?? a.event_type} · ${a.severity}`;
}

/**
 * Alerts (crashes and severe events), newest first: the open ones, where operators get an
 * acknowledge button on each, or the acknowledged ones with who acknowledged them and when.
 */
export function AlertsPanel() {
  const [shown, setShown] = useState<Extract<AlertStatus, 'open' | 'acknowledged'>>('open');
  const alerts = useAlerts(shown);
  const acknowledge = useAcknowledgeAlert();
  const canWrite = useCanWrite();
  const items = alerts.data?.items ?? [];
  const listName = shown === 'open' ? 'Open alerts' : 'Acknowledged alerts';
  return (
    <Card
      title={alerts.isSuccess && shown === 'open' && items.length > 0 ? `Open alerts (${items.length})` : listName}
      className={shown === 'open' && items.length > 0 ? 'border-red-300' : ''}
    >
      <label className="mb-2 flex items-center gap-2 text-xs text-slate-700">
        Show
        <select
          value={shown}
          onChange={(e) => setShown(e.target.value as typeof shown)}
          className="rounded border border-slate-300 px-1 py-0.5"
        >
          <option value="open">Open</option>
          <option value="acknowledged">Acknowledged</option>
        </select>
      </label>
      {alerts.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => alerts.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600">{shown === 'open' ? 'No open alerts.' : 'No acknowledged alerts.'}</p>
      ) : (
        <ul aria-label={listName} className="divide-y divide-slate-100">
          {items.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-alert-id={a.id}>
              <div className="text-sm">
                <span className={`font-semibold ${shown === 'open' ? 'text-red-800' : 'text-slate-800'}`}>{what(a)}</span>
                <span className="ml-2 text-slate-600">
                  trip{' '}
                  <Link href={`/trips/${a.trip_id}`} className="font-mono underline" title={a.trip_id}>
                    {shortId(a.trip_id)}
                  </Link>{' '}
                  · driver <EntityName name={a.driver_name} id={a.driver_id} /> · vehicle{' '}
                  <EntityName name={a.vehicle_name} id={a.vehicle_id} /> · {fmtTime(a.raised_at)}
                  {a.acknowledged_at && (
                    <>
                      {' '}
                      · acknowledged by {a.acknowledged_by} {fmtTime(a.acknowledged_at)}
                    </>
                  )}
                </span>
              </div>
              {canWrite && shown === 'open' && (
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
