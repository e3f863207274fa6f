import { useState, type FormEvent } from 'react';
import { Card } from '@/components/ui/card';
import { ApiError } from '@/lib/api-client';
import type { RegistryEntity } from '@/types/api';
import { useImportCsv } from '../api/save-registration';
import { FormError, rowAndColumn } from './form-errors';

const headers: Record<RegistryEntity, string> = {
  vehicle: 'vehicle_id,name,vehicle_class,active',
  driver: 'driver_id,name,external_ref,active',
};

/** The file's text (FileReader: also where Blob.text() is missing). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

/** Uploads a CSV file of vehicles or drivers: all rows or none, every bad cell listed. */
export function CsvImport() {
  const [entity, setEntity] = useState<RegistryEntity>('vehicle');
  const [file, setFile] = useState<File | null>(null);
  const vehicles = useImportCsv('vehicle');
  const drivers = useImportCsv('driver');
  const upload = entity === 'vehicle' ? vehicles : drivers;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    upload.reset();
    upload.mutate(await readText(file));
  }

  const rowErrors = upload.error instanceof ApiError ? upload.error.errors : [];
  return (
    <Card title="Import from CSV">
      <form onSubmit={submit} aria-label="Import a CSV file" className="space-y-3">
        <p className="text-sm text-slate-600">
          UTF-8 CSV with a header row: <code>{headers[entity]}</code>. Nothing is stored unless every row is valid.
        </p>
        <div className="flex flex-wrap items-end gap-4">
          <label className="flex flex-col text-sm text-slate-700">
            What the file holds
            <select
              value={entity}
              onChange={(e) => setEntity(e.target.value as RegistryEntity)}
              className="mt-1 rounded-md border border-slate-400 px-3 py-1.5"
            >
              <option value="vehicle">Vehicles</option>
              <option value="driver">Drivers</option>
            </select>
          </label>
          <label className="flex flex-col text-sm text-slate-700">
            CSV file
            <input
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="mt-1 text-sm"
            />
          </label>
          <button
            type="submit"
            disabled={!file || upload.isPending}
            className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
          >
            {upload.isPending ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {upload.isSuccess && (
        <p role="status" className="mt-3 text-sm text-emerald-900">
          Imported: {upload.data.created} created, {upload.data.updated} updated, {upload.data.unchanged} unchanged.
        </p>
      )}
      {upload.isError && (
        <div className="mt-3 space-y-2">
          <FormError error={upload.error} />
          {rowErrors.length > 0 && (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Problems in the file</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">Row</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Column</th>
                  <th scope="col" className="py-1 font-medium">Problem</th>
                </tr>
              </thead>
              <tbody>
                {rowErrors.map((e) => {
                  const { row, column } = rowAndColumn(e);
                  return (
                    <tr key={e.pointer + e.message} className="border-b border-slate-100">
                      <td className="py-1 pr-3 tabular-nums">{row || '—'}</td>
                      <td className="py-1 pr-3 font-mono">{column || '—'}</td>
                      <td className="py-1">{e.message}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Card>
  );
}
