import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useCanWrite } from '@/lib/auth';
import { fmtTime, vehicleClassLabels } from '@/lib/format';
import type { RegisteredVehicle } from '@/types/api';
import { useRegisteredVehicles } from '../api/get-registered-vehicles';
import { VehicleForm } from './vehicle-form';

/** Every registered vehicle; operators add and edit them here. */
export function RegisteredVehicles() {
  const vehicles = useRegisteredVehicles();
  const canWrite = useCanWrite();
  const [editing, setEditing] = useState<RegisteredVehicle | 'new' | null>(null);
  return (
    <Card
      title="Vehicles"
      actions={
        canWrite &&
        editing === null && (
          <button
            type="button"
            onClick={() => setEditing('new')}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            Register a vehicle
          </button>
        )
      }
    >
      {editing !== null && (
        <div className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3">
          <VehicleForm
            key={editing === 'new' ? 'new' : editing.vehicle_id}
            vehicle={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        </div>
      )}
      {vehicles.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : vehicles.isError ? (
        <ErrorState error={vehicles.error} onRetry={() => vehicles.refetch()} />
      ) : vehicles.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No vehicle is registered; trips show their ids until one is.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Registered vehicles</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                <th scope="col" className="py-2 pr-3 font-medium">Class</th>
                <th scope="col" className="py-2 pr-3 font-medium">Active</th>
                <th scope="col" className="py-2 pr-3 font-medium">Id</th>
                <th scope="col" className="py-2 pr-3 font-medium">Last change</th>
                {canWrite && <th scope="col" className="py-2 font-medium"><span className="sr-only">Edit</span></th>}
              </tr>
            </thead>
            <tbody>
              {vehicles.data.items.map((v) => (
                <tr key={v.vehicle_id} className="border-b border-slate-100">
                  <td className="py-2 pr-3" title={v.vehicle_id}>{v.name}</td>
                  <td className="py-2 pr-3">{vehicleClassLabels[v.vehicle_class]}</td>
                  <td className="py-2 pr-3">{v.active ? 'yes' : 'no'}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{v.vehicle_id}</td>
                  <td className="py-2 pr-3 text-xs text-slate-600">
                    {fmtTime(v.updated_at)} by {v.updated_by}
                  </td>
                  {canWrite && (
                    <td className="py-2">
                      <button
                        type="button"
                        onClick={() => setEditing(v)}
                        className="text-blue-700 underline"
                        aria-label={`Edit ${v.name}`}
                      >
                        Edit
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
