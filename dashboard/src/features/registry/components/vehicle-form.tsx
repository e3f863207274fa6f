import { useState, type FormEvent } from 'react';
import { vehicleClassLabels } from '@/lib/format';
import type { RegisteredVehicle, VehicleClass } from '@/types/api';
import { useSaveVehicle } from '../api/save-registration';
import { FieldHint, FormError, SaveOrCancel, fieldMessage } from './form-errors';

const inputClass = 'mt-1 rounded-md border border-slate-400 px-3 py-1.5 text-slate-900';

/** Registers a vehicle or edits its registration; the gateway's field errors show by each field. */
export function VehicleForm({ vehicle, onDone }: { vehicle?: RegisteredVehicle; onDone: () => void }) {
  const [id, setId] = useState(vehicle?.vehicle_id ?? '');
  const [name, setName] = useState(vehicle?.name ?? '');
  const [vehicleClass, setVehicleClass] = useState<VehicleClass>(vehicle?.vehicle_class ?? 'car');
  const [active, setActive] = useState(vehicle?.active ?? true);
  const save = useSaveVehicle();

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(
      { id: id.trim(), body: { name, vehicle_class: vehicleClass, active } },
      { onSuccess: onDone },
    );
  }

  const idError = fieldMessage(save.error, 'vehicleId');
  const nameError = fieldMessage(save.error, 'name');
  const classError = fieldMessage(save.error, 'vehicle_class');
  return (
    <form onSubmit={submit} aria-label={vehicle ? `Edit vehicle ${vehicle.name}` : 'Register a vehicle'} className="space-y-3">
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col text-sm text-slate-700">
          Vehicle id (UUID the device sends)
          <input
            value={id}
            onChange={(e) => setId(e.target.value)}
            readOnly={vehicle !== undefined}
            required
            aria-invalid={idError ? true : undefined}
            aria-describedby={idError ? 'vehicle-id-error' : undefined}
            className={`${inputClass} w-80 font-mono`}
          />
          <FieldHint id="vehicle-id-error" message={idError} />
        </label>
        <label className="flex flex-col text-sm text-slate-700">
          Name or plate
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'vehicle-name-error' : undefined}
            className={`${inputClass} w-64`}
          />
          <FieldHint id="vehicle-name-error" message={nameError} />
        </label>
        <label className="flex flex-col text-sm text-slate-700">
          Class
          <select
            value={vehicleClass}
            onChange={(e) => setVehicleClass(e.target.value as VehicleClass)}
            aria-invalid={classError ? true : undefined}
            className={inputClass}
          >
            {(Object.keys(vehicleClassLabels) as VehicleClass[]).map((c) => (
              <option key={c} value={c}>
                {vehicleClassLabels[c]}
              </option>
            ))}
          </select>
          <FieldHint id="vehicle-class-error" message={classError} />
        </label>
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          Active
        </label>
      </div>
      <FormError error={save.error && !idError && !nameError && !classError ? save.error : null} />
      <SaveOrCancel noun="vehicle" pending={save.isPending} onCancel={onDone} />
    </form>
  );
}
