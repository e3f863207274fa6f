import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { EntityName } from '@/components/ui/entity-name';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageTitle } from '@/components/ui/layout';
import { ScoreBadge } from '@/components/ui/score-badge';
import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { ApiError } from '@/lib/api-client';
import {
  crashImpactLabel,
  crashSeverityLabel,
  eventColors,
  eventTypeLabels,
  fmtDuration,
  fmtMountYaw,
  fmtNumber,
  fmtTime,
  reviewStatusLabel,
  shortId,
  vehicleClassLabels,
} from '@/lib/format';
import type { TripDetail } from '@/types/api';
import { isFinished, useTrip } from '../api/get-trip';
import { useTripSamples } from '../api/get-trip-samples';
import { SamplesDropped } from './samples-dropped';

const TripChart = lazy(() => import('./trip-chart'));

function Metrics({ trip }: { trip: TripDetail }) {
  const rows: [string, string][] = [
    ['Distance', `${fmtNumber(trip.distance_km, 2)} km`],
    ['Duration', fmtDuration(trip.duration_s)],
    ['Moving', fmtDuration(trip.moving_s)],
    ['Max speed', `${fmtNumber(trip.max_speed_kmh)} km/h`],
    ['Average speed', `${fmtNumber(trip.avg_speed_kmh)} km/h`],
    ['Speeding', fmtDuration(trip.speeding_seconds)],
    ['Harsh braking', String(trip.harsh_braking_count ?? '—')],
    ['Rapid acceleration', String(trip.rapid_accel_count ?? '—')],
    ['Harsh cornering', String(trip.harsh_cornering_count ?? '—')],
    ['Speeding events', String(trip.speeding_count ?? '—')],
    ['Crashes', String(trip.crash_count ?? '—')],
    ['Device mount', fmtMountYaw(trip)],
    ['Samples', fmtNumber(trip.sample_count, 0)],
    ['Scoring version', trip.scoring_version ?? '—'],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600">{k}</dt>
          <dd className="text-right tabular-nums">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Charts({ trip }: { trip: TripDetail }) {
  if (!trip.samples_available) return <SamplesDropped />;
  return <SamplesChart trip={trip} />;
}

function SamplesChart({ trip }: { trip: TripDetail }) {
  const samples = useTripSamples(trip.trip_id);
  if (samples.isPending) return <Skeleton className="h-[460px] w-full" />;
  if (samples.isError) return <ErrorState error={samples.error} onRetry={() => samples.refetch()} />;
  return (
    <Suspense fallback={<Skeleton className="h-[460px] w-full" />}>
      <TripChart samples={samples.data} events={trip.events} />
      {samples.data.downsampled && (
        <p className="mt-1 text-xs text-slate-600">
          {fmtNumber(samples.data.sample_count, 0)} samples shown as {fmtNumber(samples.data.t_ms.length, 0)} points
          (minimum and maximum of each interval, so peaks stay visible).
        </p>
      )}
    </Suspense>
  );
}

function EventsTable({ trip }: { trip: TripDetail }) {
  if (trip.events.length === 0) {
    return <p className="text-sm text-slate-600">{isFinished(trip) ? 'No events detected.' : 'Not scored yet.'}</p>;
  }
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Detected events</caption>
      <thead className="border-b border-slate-200 text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">Event</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">At (s)</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">Lasted (s)</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">Peak</th>
          <th scope="col" className="py-1 pr-3 font-medium">Severity</th>
          <th scope="col" className="py-1 pr-3 font-medium">Impact</th>
          <th scope="col" className="py-1 font-medium">Review</th>
        </tr>
      </thead>
      <tbody>
        {trip.events.map((e) => (
          <tr
            key={e.seq}
            data-event-type={e.type}
            data-review-status={e.review_status}
            className={`border-b border-slate-100 ${e.review_status === 'dismissed' ? 'text-slate-500' : ''}`}
          >
            <td className="py-1 pr-3">
              <span aria-hidden="true" className="mr-2 inline-block h-3 w-3 rounded-sm" style={{ background: eventColors[e.type] }} />
              {eventTypeLabels[e.type] ?? e.type}
            </td>
            <td className="py-1 pr-3 text-right tabular-nums">{fmtNumber(e.start_ms / 1000)}</td>
            <td className="py-1 pr-3 text-right tabular-nums">{fmtNumber((e.end_ms - e.start_ms) / 1000)}</td>
            <td className="py-1 pr-3 text-right tabular-nums">
              {e.type === 'SPEEDING' ? `${fmtNumber(e.peak, 0)} km/h` : `${fmtNumber(e.peak, 2)} g`}
            </td>
            <td className="py-1 pr-3">{e.type === 'CRASH' ? crashSeverityLabel(e.severity) : e.severity}</td>
            <td className="py-1 pr-3 tabular-nums">{e.type === 'CRASH' ? crashImpactLabel(e) : ''}</td>
            <td className="py-1">
              {reviewStatusLabel(e.review_status)}
              {e.review_status === 'dismissed' && ' · not in the score'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TripDetailView({ tripId }: { tripId: string }) {
  const trip = useTrip(tripId);
  if (trip.isPending) return <PageSkeleton label="Loading the trip" />;
  if (trip.isError) {
    if (trip.error instanceof ApiError && trip.error.status === 404) {
      return (
        <div>
          <PageTitle>Trip not found</PageTitle>
          <p className="text-slate-700">
            No trip <code>{tripId}</code>. <Link href="/" className="text-blue-700 underline">Back to the overview</Link>
          </p>
        </div>
      );
    }
    return <ErrorState error={trip.error} onRetry={() => trip.refetch()} />;
  }
  const t = trip.data;
  return (
    <div className="space-y-4">
      <PageTitle
        sub={
          <>
            Started {fmtTime(t.started_at)} · driver{' '}
            <Link href={`/drivers/${t.driver_id}`} className="text-blue-700 underline">
              <EntityName name={t.driver_name} id={t.driver_id} />
            </Link>{' '}
            · vehicle <EntityName name={t.vehicle_name} id={t.vehicle_id} /> ({vehicleClassLabels[t.vehicle_class]})
            <span className="mt-1 block font-mono text-xs" data-testid="trip-ids">
              driver {t.driver_id} · vehicle {t.vehicle_id}
            </span>
          </>
        }
      >
        Trip {shortId(t.trip_id)} <StatusBadge status={t.status} />
      </PageTitle>
      {t.status === 'FAILED' && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">Scoring failed</p>
          <p className="mt-1 text-sm" data-testid="failure-reason">{t.failure_reason}</p>
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Speed and g-forces" className="lg:col-span-2">
          <Charts trip={t} />
        </Card>
        <div className="space-y-4">
          <Card title="Score">
            <div className="mb-3">
              <ScoreBadge score={t.safety_score} large />
            </div>
            <Metrics trip={t} />
            {t.crash_detection === false && (
              <p className="mt-3 text-sm text-slate-700" data-testid="crash-detection-note">
                Crash detection was not possible on this trip: its samples are below 25 Hz, so a
                collision could not be told from a bump.
              </p>
            )}
          </Card>
          <Card title="Status history">
            <ol className="space-y-2 text-sm">
              {t.status_history.map((h) => (
                <li key={h.status} className="flex items-center justify-between gap-2">
                  <StatusBadge status={h.status} />
                  <span className="text-slate-700">{fmtTime(h.at)}</span>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
      <Card title="Events">
        <EventsTable trip={t} />
      </Card>
    </div>
  );
}
