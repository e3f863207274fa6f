import { lazy, Suspense } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError } from '@/lib/api-client';
import type { TripDetail } from '@/types/api';
import { useTrip } from '../api/get-trip';
import { DEFAULT_CHART_POINTS, useTripSamples } from '../api/get-trip-samples';
import { SamplesDropped } from './samples-dropped';

const TripChart = lazy(() => import('./trip-chart'));

/** Seconds shown before an event's start and after its end. */
export const EVENT_MARGIN_S = 30;

/** Most points the samples API gives (ReadApiController.MAX_POINTS). */
const MAX_POINTS = 20_000;

/** About this many points in the window: peaks of a second or less stay visible. */
const POINTS_IN_WINDOW = 400;

/**
 * How many points to ask for so that the window holds about {@link POINTS_IN_WINDOW}: the trip's
 * default when that is enough, at most the API's limit.
 */
export function pointsFor(tripSeconds: number | null | undefined, windowSeconds: number): number {
  if (!tripSeconds || !Number.isFinite(tripSeconds) || windowSeconds <= 0) return DEFAULT_CHART_POINTS;
  const wanted = Math.ceil((tripSeconds / windowSeconds) * POINTS_IN_WINDOW);
  return Math.min(MAX_POINTS, Math.max(DEFAULT_CHART_POINTS, wanted));
}

type Props = { tripId: string; startMs: number; endMs: number };

/**
 * The trip's chart zoomed to one event, {@link EVENT_MARGIN_S} seconds either side, every event of
 * the trip marked; the note instead once retention removed the samples.
 */
export function EventWindowChart({ tripId, startMs, endMs }: Props) {
  const trip = useTrip(tripId);
  if (trip.isPending) return <Skeleton className="h-[460px] w-full" />;
  if (trip.isError) return <ErrorState error={trip.error} onRetry={() => trip.refetch()} />;
  if (!trip.data.samples_available) return <SamplesDropped />;
  return <WindowSamples trip={trip.data} startMs={startMs} endMs={endMs} />;
}

function WindowSamples({ trip, startMs, endMs }: { trip: TripDetail; startMs: number; endMs: number }) {
  const fromS = Math.max(0, startMs / 1000 - EVENT_MARGIN_S);
  const toS = endMs / 1000 + EVENT_MARGIN_S;
  const samples = useTripSamples(trip.trip_id, pointsFor(trip.duration_s, toS - fromS));
  if (samples.isPending) return <Skeleton className="h-[460px] w-full" />;
  if (samples.isError) {
    if (samples.error instanceof ApiError && samples.error.status === 410) return <SamplesDropped />;
    return <ErrorState error={samples.error} onRetry={() => samples.refetch()} />;
  }
  return (
    <Suspense fallback={<Skeleton className="h-[460px] w-full" />}>
      <TripChart samples={samples.data} events={trip.events} zoom={{ fromS, toS }} />
    </Suspense>
  );
}
