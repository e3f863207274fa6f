import { useDeferredValue, useState } from 'react';
import { Link } from 'wouter';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { EntityName, entityLabel } from '@/components/ui/entity-name';
import { ErrorState } from '@/components/ui/error-state';
import { PageTitle } from '@/components/ui/layout';
import { ScoreBadge } from '@/components/ui/score-badge';
import { Skeleton } from '@/components/ui/skeleton';
import { Sparkline } from '@/components/ui/sparkline';
import { bandClasses, bandLabels, fmtNumber, fmtTime, type ScoreBand } from '@/lib/format';
import type { DriverSort, SortOrder } from '@/types/api';
import { useDrivers } from '../api/get-drivers';

const columns: { sort: DriverSort; label: string }[] = [
  { sort: 'score', label: 'Score' },
  { sort: 'harsh_braking', label: 'Braking /100 km' },
  { sort: 'rapid_acceleration', label: 'Accel. /100 km' },
  { sort: 'harsh_cornering', label: 'Cornering /100 km' },
  { sort: 'speeding', label: 'Speeding /100 km' },
  { sort: 'crashes', label: 'Crashes' },
  { sort: 'distance', label: 'Distance (km)' },
  { sort: 'trips', label: 'Trips' },
];

export function DriversLeaderboard() {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<DriverSort>('score');
  const [order, setOrder] = useState<SortOrder>('desc');
  const deferredSearch = useDeferredValue(search.trim());
  const drivers = useDrivers({ search: deferredSearch || undefined, sort, order });

  function sortBy(next: DriverSort) {
    if (next === sort) {
      setOrder(order === 'desc' ? 'asc' : 'desc');
    } else {
      setSort(next);
      // Best first: high scores, low event rates.
      setOrder(next === 'score' || next === 'distance' || next === 'trips' ? 'desc' : 'asc');
    }
  }

  return (
    <div className="space-y-4">
      <PageTitle sub="Who needs coaching: sort by score or by any event rate.">Drivers</PageTitle>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <label className="flex flex-col text-sm text-slate-700">
          Search by name or id
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="e.g. Ada or 7a1d"
            className="mt-1 w-64 rounded-md border border-slate-400 px-3 py-1.5 text-slate-900"
          />
        </label>
        <ul className="flex flex-wrap gap-2 text-xs" aria-label="Score bands">
          {(['excellent', 'good', 'fair', 'poor'] as ScoreBand[]).map((b) => (
            <li key={b} className={`rounded px-2 py-0.5 ring-1 ring-inset ${bandClasses[b]}`}>
              {bandLabels[b]}
            </li>
          ))}
        </ul>
      </div>
      <Card>
        {drivers.isPending ? (
          <Skeleton className="h-64 w-full" />
        ) : drivers.isError ? (
          <ErrorState error={drivers.error} onRetry={() => drivers.refetch()} />
        ) : drivers.data.items.length === 0 ? (
          deferredSearch ? (
            <p className="text-sm text-slate-700">No driver’s name or id matches “{deferredSearch}”.</p>
          ) : (
            <EmptyState title="No drivers yet" />
          )
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Driver leaderboard</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">#</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Driver</th>
                  {columns.map((c) => (
                    <th
                      key={c.sort}
                      scope="col"
                      aria-sort={sort === c.sort ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
                      className="py-2 pr-3 font-medium"
                    >
                      <button
                        type="button"
                        onClick={() => sortBy(c.sort)}
                        className="inline-flex items-center gap-1 hover:text-slate-900"
                      >
                        {c.label}
                        <span aria-hidden="true">{sort === c.sort ? (order === 'asc' ? '▲' : '▼') : '↕'}</span>
                      </button>
                    </th>
                  ))}
                  <th scope="col" className="py-2 pr-3 font-medium">Trend</th>
                  <th scope="col" className="py-2 font-medium">Last trip</th>
                </tr>
              </thead>
              <tbody>
                {drivers.data.items.map((d, i) => (
                  <tr key={d.driver_id} data-driver-id={d.driver_id} className="border-b border-slate-100">
                    <td className="py-2 pr-3 tabular-nums text-slate-600">{i + 1}</td>
                    <td className="py-2 pr-3">
                      <Link href={`/drivers/${d.driver_id}`} className="text-blue-700 underline">
                        <EntityName name={d.driver_name} id={d.driver_id} />
                      </Link>
                    </td>
                    <td className="py-2 pr-3">
                      <ScoreBadge score={d.avg_score} />
                    </td>
                    <td className="py-2 pr-3 tabular-nums">{fmtNumber(d.events_per_100km.harsh_braking, 2)}</td>
                    <td className="py-2 pr-3 tabular-nums">{fmtNumber(d.events_per_100km.rapid_acceleration, 2)}</td>
                    <td className="py-2 pr-3 tabular-nums">{fmtNumber(d.events_per_100km.harsh_cornering, 2)}</td>
                    <td className="py-2 pr-3 tabular-nums">{fmtNumber(d.events_per_100km.speeding, 2)}</td>
                    <td className={`py-2 pr-3 tabular-nums ${d.crashes > 0 ? 'font-semibold text-red-800' : ''}`}>{d.crashes}</td>
                    <td className="py-2 pr-3 tabular-nums">{fmtNumber(d.distance_km)}</td>
                    <td className="py-2 pr-3 tabular-nums">{d.trips}</td>
                    <td className="py-2 pr-3">
                      <Sparkline values={d.score_trend} label={`Recent scores of driver ${entityLabel(d.driver_name, d.driver_id)}`} />
                    </td>
                    <td className="py-2 whitespace-nowrap">{fmtTime(d.last_trip_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
