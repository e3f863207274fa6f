import type { ReactNode } from 'react';
import { Card, Stat } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageTitle } from '@/components/ui/layout';
import { ScoreBadge } from '@/components/ui/score-badge';
import { PageSkeleton } from '@/components/ui/skeleton';
import { fmtNumber, vehicleClassLabels } from '@/lib/format';
import type { VehicleClass } from '@/types/api';
import { useFleetSummary } from '../api/get-fleet-summary';
import { EventRates } from '@/components/ui/event-rates';
import { PipelineHealth } from './pipeline-health';
import { ScoreTrendChart } from './score-trend-chart';

function trend(summary: { score_trend: { avg_score: number | null }[] }): string | undefined {
  const scored = summary.score_trend.filter((d) => d.avg_score !== null);
  if (scored.length < 2) return undefined;
  const delta = (scored[scored.length - 1].avg_score ?? 0) - (scored[0].avg_score ?? 0);
  return `${delta >= 0 ? '▲' : '▼'} ${fmtNumber(Math.abs(delta))} over the window`;
}

/** " (12 cars, 2 heavy trucks)": the window's vehicles by registered class, classes with none left out. */
function byClass(counts: Record<VehicleClass, number>): string {
  const parts = (Object.keys(vehicleClassLabels) as VehicleClass[])
    .filter((c) => counts[c] > 0)
    .map((c) => `${counts[c]} × ${vehicleClassLabels[c].toLowerCase()}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** `latestTrips` is the latest trips table, composed by the page (features do not import each other). */
export function FleetOverview({ latestTrips }: { latestTrips: ReactNode }) {
  const summary = useFleetSummary(7);
  if (summary.isPending) return <PageSkeleton label="Loading the fleet overview" />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  const s = summary.data;
  return (
    <div className="space-y-4">
      <PageTitle sub={`Last ${s.window_days} days · ${s.drivers} drivers · ${s.vehicles} vehicles${byClass(s.vehicles_by_class)}`}>
        Fleet overview
      </PageTitle>
      {s.trips_window === 0 && <EmptyState />}
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Trips today" value={<span data-testid="trips-today">{s.trips_today}</span>} />
        <Stat
          label={`Trips, ${s.window_days} days`}
          value={<span data-testid="trips-window">{s.trips_window}</span>}
        />
        <Stat label="Fleet score" value={<ScoreBadge score={s.fleet_score} large />} hint={trend(s)} />
        <Stat label="Distance" value={`${fmtNumber(s.distance_km_window, 0)} km`} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Fleet score per day" className="lg:col-span-2">
          <ScoreTrendChart trend={s.score_trend} />
        </Card>
        <Card title="Events per 100 km">
          <EventRates rates={s.events_per_100km} />
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Latest trips" className="lg:col-span-2">
          {latestTrips}
        </Card>
        <PipelineHealth />
      </div>
    </div>
  );
}
