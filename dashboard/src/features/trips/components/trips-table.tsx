import { Link } from 'wouter';
import { EntityName } from '@/components/ui/entity-name';
import { ErrorState } from '@/components/ui/error-state';
import { ScoreBadge } from '@/components/ui/score-badge';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { fmtDuration, fmtNumber, fmtTime, shortId } from '@/lib/format';
import { useTrips, type TripsParams } from '../api/get-trips';

function eventTotal(t: {
  harsh_braking_count: number | null;
  rapid_accel_count: number | null;
  harsh_cornering_count: number | null;
  speeding_count: number | null;
  crash_count: number | null;
}): string {
  if (t.harsh_braking_count === null) return '—';
  return String(
    (t.harsh_braking_count ?? 0) +
      (t.rapid_accel_count ?? 0) +
      (t.harsh_cornering_count ?? 0) +
      (t.speeding_count ?? 0) +
      (t.crash_count ?? 0),
  );
}

/** Trips, newest first, with their state and score; pages on with the API's cursor. */
export function TripsTable({ params, caption }: { params: TripsParams; caption: string }) {
  const trips = useTrips(params);
  if (trips.isPending) return <Skeleton className="h-40 w-full" />;
  if (trips.isError) return <ErrorState error={trips.error} onRetry={() => trips.refetch()} />;
  const items = trips.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="text-sm text-slate-600">No trips.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Trip</th>
            <th scope="col" className="py-2 pr-3 font-medium">Started</th>
            <th scope="col" className="py-2 pr-3 font-medium">Driver</th>
            <th scope="col" className="py-2 pr-3 font-medium">Vehicle</th>
            <th scope="col" className="py-2 pr-3 font-medium">Status</th>
            <th scope="col" className="py-2 pr-3 font-medium">Score</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">Events</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">Distance (km)</th>
            <th scope="col" className="py-2 text-right font-medium">Duration</th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.trip_id} data-trip-id={t.trip_id} className="border-b border-slate-100">
              <td className="py-2 pr-3 font-mono">
                <Link href={`/trips/${t.trip_id}`} className="text-blue-700 underline">
                  {shortId(t.trip_id)}
                </Link>
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">{fmtTime(t.started_at)}</td>
              <td className="py-2 pr-3">
                <Link href={`/drivers/${t.driver_id}`} className="text-blue-700 underline">
                  <EntityName name={t.driver_name} id={t.driver_id} />
                </Link>
              </td>
              <td className="py-2 pr-3">
                <EntityName name={t.vehicle_name} id={t.vehicle_id} />
              </td>
              <td className="py-2 pr-3">
                <StatusBadge status={t.status} />
              </td>
              <td className="py-2 pr-3">
                <ScoreBadge score={t.safety_score} />
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {eventTotal(t)}
                {(t.crash_count ?? 0) > 0 && (
                  <span className="ml-2 rounded bg-slate-900 px-1.5 py-0.5 text-xs font-medium text-white">
                    {t.crash_count === 1 ? 'crash' : `${t.crash_count} crashes`}
                  </span>
                )}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{fmtNumber(t.distance_km)}</td>
              <td className="py-2 text-right whitespace-nowrap">{fmtDuration(t.duration_s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {trips.hasNextPage && (
        <button
          type="button"
          onClick={() => trips.fetchNextPage()}
          disabled={trips.isFetchingNextPage}
          className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          {trips.isFetchingNextPage ? 'Loading…' : 'More trips'}
        </button>
      )}
    </div>
  );
}
