import { useState, type FormEvent } from 'react';
import type { RegisteredDriver } from '@/types/api';
import { useSaveDriver } from '../api/save-registration';
import { FieldHint, FormError, SaveOrCancel, fieldMessage } from './form-errors';

const inputClass = 'mt-1 rounded-md border border-slate-400 px-3 py-1.5 text-slate-900';

/** Registers a driver or edits the registration; the gateway's field errors show by each field. */
export function DriverForm({ driver, onDone }: { driver?: RegisteredDriver; onDone: () => void }) {
  const [id, setId] = useState(driver?.driver_id ?? '');
  const [name, setName] = useState(driver?.name ?? '');
  const [externalRef, setExternalRef] = useState(driver?.external_ref ?? '');
  const [active, setActive] = useState(driver?.active ?? true);
  const save = useSaveDriver();

  function submit(e: FormEvent) {
    e.preventDefault();
    const ref = externalRef.trim();
    save.mutate({ id: id.trim(), body: { name, external_ref: ref === '' ? null : ref, active } }, { onSuccess: onDone });
  }

  const idError = fieldMessage(save.error, 'driverId');
  const nameError = fieldMessage(save.error, 'name');
  const refError = fieldMessage(save.error, 'external_ref');
  return (
    <form onSubmit={submit} aria-label={driver ? `Edit driver ${driver.name}` : 'Register a driver'} className="space-y-3">
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col text-sm text-slate-700">
          Driver id (UUID the device sends)
          <input
            value={id}
            onChange={(e) => setId(e.target.value)}
            readOnly={driver !== undefined}
            required
            aria-invalid={idError ? true : undefined}
            className={`${inputClass} w-80 font-mono`}
          />
          <FieldHint id="driver-id-error" message={idError} />
        </label>
        <label className="flex flex-col text-sm text-slate-700">
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            className={`${inputClass} w-64`}
          />
          <FieldHint id="driver-name-error" message={nameError} />
        </label>
        <label className="flex flex-col text-sm text-slate-700">
          External reference (optional)
          <input
            value={externalRef}
            onChange={(e) => setExternalRef(e.target.value)}
            aria-invalid={refError ? true : undefined}
            className={`${inputClass} w-48`}
          />
          <FieldHint id="driver-ref-error" message={refError} />
        </label>
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          Active
        </label>
      </div>
      <FormError error={save.error && !idError && !nameError && !refError ? save.error : null} />
      <SaveOrCancel noun="driver" pending={save.isPending} onCancel={onDone} />
    </form>
  );
}
