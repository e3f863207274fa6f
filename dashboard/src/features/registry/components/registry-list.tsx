import { useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useCanWrite } from '@/lib/auth';
import { fmtTime } from '@/lib/format';

/** What the registry's two lists (drivers, vehicles) show of an entry. */
type Entry = { name: string; active: boolean; updated_at: string; updated_by: string };

type Props<T extends Entry> = {
  /** "driver" or "vehicle": the words of the title, the button, the caption and the empty note. */
  noun: string;
  entries: UseQueryResult<{ items: T[] }>;
  id: (entry: T) => string;
  /** The one column that differs: its header and its cell. */
  detail: { header: string; cell: (entry: T) => ReactNode };
  /** The add (entry undefined) or edit form; calls onDone when saved or cancelled. */
  form: (entry: T | undefined, onDone: () => void) => ReactNode;
};

/** Every registered driver or vehicle; operators add and edit them here. */
export function RegistryList<T extends Entry>({ noun, entries, id, detail, form }: Props<T>) {
  const canWrite = useCanWrite();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const plural = `${noun}s`;
  return (
    <Card
      title={plural.charAt(0).toUpperCase() + plural.slice(1)}
      actions={
        canWrite &&
        editing === null && (
          <button
            type="button"
            onClick={() => setEditing('new')}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            Register a {noun}
          </button>
        )
      }
    >
      {editing !== null && (
        <div key={editing === 'new' ? 'new' : id(editing)} className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3">
          {form(editing === 'new' ? undefined : editing, () => setEditing(null))}
        </div>
      )}
      {entries.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => entries.refetch()} />
      ) : entries.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No {noun} is registered; trips show their ids until one is.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Registered {plural}</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                <th scope="col" className="py-2 pr-3 font-medium">{detail.header}</th>
                <th scope="col" className="py-2 pr-3 font-medium">Active</th>
                <th scope="col" className="py-2 pr-3 font-medium">Id</th>
                <th scope="col" className="py-2 pr-3 font-medium">Last change</th>
                {canWrite && <th scope="col" className="py-2 font-medium"><span className="sr-only">Edit</span></th>}
              </tr>
            </thead>
            <tbody>
              {entries.data.items.map((e) => (
                <tr key={id(e)} className="border-b border-slate-100">
                  <td className="py-2 pr-3" title={id(e)}>{e.name}</td>
                  <td className="py-2 pr-3">{detail.cell(e)}</td>
                  <td className="py-2 pr-3">{e.active ? 'yes' : 'no'}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{id(e)}</td>
                  <td className="py-2 pr-3 text-xs text-slate-600">
                    {fmtTime(e.updated_at)} by {e.updated_by}
                  </td>
                  {canWrite && (
                    <td className="py-2">
                      <button
                        type="button"
                        onClick={() => setEditing(e)}
                        className="text-blue-700 underline"
                        aria-label={`Edit ${e.name}`}
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
