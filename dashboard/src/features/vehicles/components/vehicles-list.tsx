import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { EntityName } from '@/components/ui/entity-name';
import { ErrorState } from '@/components/ui/error-state';
import { PageTitle } from '@/components/ui/layout';
import { ScoreBadge } from '@/components/ui/score-badge';
import { Skeleton } from '@/components/ui/skeleton';
import { fmtNumber, fmtTime, vehicleClassLabels } from '@/lib/format';
import { useVehicles } from '../api/get-vehicles';

export function VehiclesList() {
  const vehicles = useVehicles();
  return (
    <div className="space-y-4">
      <PageTitle>Vehicles</PageTitle>
      <Card>
        {vehicles.isPending ? (
          <Skeleton className="h-48 w-full" />
        ) : vehicles.isError ? (
          <ErrorState error={vehicles.error} onRetry={() => vehicles.refetch()} />
        ) : vehicles.data.items.length === 0 ? (
          <EmptyState title="No vehicles yet" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Vehicles</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Vehicle</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Class</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Average score</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Trips</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Drivers</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Distance (km)</th>
                  <th scope="col" className="py-2 font-medium">Last trip</th>
                </tr>
              </thead>
              <tbody>
                {vehicles.data.items.map((v) => (
                  <tr key={v.vehicle_id} className="border-b border-slate-100">
                    <td className="py-2 pr-3">
                      <EntityName name={v.vehicle_name} id={v.vehicle_id} />
                    </td>
                    <td className="py-2 pr-3">{vehicleClassLabels[v.vehicle_class]}</td>
                    <td className="py-2 pr-3">
                      <ScoreBadge score={v.avg_score} />
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{v.trips}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{v.drivers}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{fmtNumber(v.distance_km)}</td>
                    <td className="py-2 whitespace-nowrap">{fmtTime(v.last_trip_at)}</td>
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
