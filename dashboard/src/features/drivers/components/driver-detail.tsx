import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Card, Stat } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageTitle } from '@/components/ui/layout';
import { ScoreBadge } from '@/components/ui/score-badge';
import { PageSkeleton } from '@/components/ui/skeleton';
import { EventRates } from '@/components/ui/event-rates';
import { ApiError } from '@/lib/api-client';
import { eventTypeLabels, fmtNumber, fmtScore, shortId } from '@/lib/format';
import { useDriver } from '../api/get-driver';
import { ScoreHistoryChart } from './score-history-chart';

/** `trips` is the driver's trips table, composed by the page (features do not import each other). */
export function DriverDetailView({ driverId, trips }: { driverId: string; trips: ReactNode }) {
  const driver = useDriver(driverId);
  if (driver.isPending) return <PageSkeleton label="Loading the driver" />;
  if (driver.isError) {
    if (driver.error instanceof ApiError && driver.error.status === 404) {
      return (
        <div>
          <PageTitle>Driver not found</PageTitle>
          <p className="text-slate-700">
            No trips for driver <code>{driverId}</code>. <Link href="/drivers" className="text-blue-700 underline">All drivers</Link>
          </p>
        </div>
      );
    }
    return <ErrorState error={driver.error} onRetry={() => driver.refetch()} />;
  }
  const d = driver.data;
  return (
    <div className="space-y-4">
      <PageTitle
        sub={
          <>
            <span className="font-mono" data-testid="driver-id">{d.driver_id}</span>
            {d.external_ref && <> · ref {d.external_ref}</>}
            {d.driver_name === null && <> · not registered</>}
            {d.active === false && <> · inactive</>}
          </>
        }
      >
        {d.driver_name ?? `Driver ${shortId(d.driver_id)}`}
      </PageTitle>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        <Stat label="Average score" value={<ScoreBadge score={d.avg_score} large />} />
        <Stat label="Rolling score (job)" value={fmtScore(d.rolling_score)} />
        <Stat label="Trips" value={d.trips} />
        <Stat label="Distance" value={`${fmtNumber(d.distance_km)} km`} />
        <Stat label="Crashes" value={d.crashes} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Score over time" className="lg:col-span-2">
          <ScoreHistoryChart history={d.score_history} />
        </Card>
        <Card title="Event breakdown">
          <dl className="mb-4 grid grid-cols-2 gap-2 text-sm">
            {Object.entries(d.event_counts).map(([type, count]) => (
              <div key={type} className="rounded bg-slate-50 p-2">
                <dt className="text-slate-600">{eventTypeLabels[type] ?? type}</dt>
                <dd className="text-lg font-semibold tabular-nums">{count}</dd>
              </div>
            ))}
          </dl>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">Per 100 km</h3>
          <EventRates rates={d.events_per_100km} />
        </Card>
      </div>
      <Card title="Trips">
        {trips}
      </Card>
    </div>
  );
}
