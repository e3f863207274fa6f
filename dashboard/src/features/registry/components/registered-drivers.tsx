import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useCanWrite } from '@/lib/auth';
import { fmtTime } from '@/lib/format';
import type { RegisteredDriver } from '@/types/api';
import { useRegisteredDrivers } from '../api/get-registered-drivers';
import { DriverForm } from './driver-form';

/** Every registered driver; operators add and edit them here. */
export function RegisteredDrivers() {
  const drivers = useRegisteredDrivers();
  const canWrite = useCanWrite();
  const [editing, setEditing] = useState<RegisteredDriver | 'new' | null>(null);
  return (
    <Card
      title="Drivers"
      actions={
        canWrite &&
        editing === null && (
          <button
            type="button"
            onClick={() => setEditing('new')}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            Register a driver
          </button>
        )
      }
    >
      {editing !== null && (
        <div className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3">
          <DriverForm
            key={editing === 'new' ? 'new' : editing.driver_id}
            driver={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        </div>
      )}
      {drivers.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : drivers.isError ? (
        <ErrorState error={drivers.error} onRetry={() => drivers.refetch()} />
      ) : drivers.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No driver is registered; trips show their ids until one is.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Registered drivers</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                <th scope="col" className="py-2 pr-3 font-medium">Reference</th>
                <th scope="col" className="py-2 pr-3 font-medium">Active</th>
                <th scope="col" className="py-2 pr-3 font-medium">Id</th>
                <th scope="col" className="py-2 pr-3 font-medium">Last change</th>
                {canWrite && <th scope="col" className="py-2 font-medium"><span className="sr-only">Edit</span></th>}
              </tr>
            </thead>
            <tbody>
              {drivers.data.items.map((d) => (
                <tr key={d.driver_id} className="border-b border-slate-100">
                  <td className="py-2 pr-3" title={d.driver_id}>{d.name}</td>
                  <td className="py-2 pr-3">{d.external_ref ?? '—'}</td>
                  <td className="py-2 pr-3">{d.active ? 'yes' : 'no'}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{d.driver_id}</td>
                  <td className="py-2 pr-3 text-xs text-slate-600">
                    {fmtTime(d.updated_at)} by {d.updated_by}
                  </td>
                  {canWrite && (
                    <td className="py-2">
                      <button
                        type="button"
                        onClick={() => setEditing(d)}
                        className="text-blue-700 underline"
                        aria-label={`Edit ${d.name}`}
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
