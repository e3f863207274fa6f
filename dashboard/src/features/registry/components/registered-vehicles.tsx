import { vehicleClassLabels } from '@/lib/format';
import { useRegisteredVehicles } from '../api/get-registered-vehicles';
import { RegistryList } from './registry-list';
import { VehicleForm } from './vehicle-form';

/** Every registered vehicle; operators add and edit them here. */
export function RegisteredVehicles() {
  return (
    <RegistryList
      noun="vehicle"
      entries={useRegisteredVehicles()}
      id={(v) => v.vehicle_id}
      detail={{ header: 'Class', cell: (v) => vehicleClassLabels[v.vehicle_class] }}
      form={(v, onDone) => <VehicleForm vehicle={v} onDone={onDone} />}
    />
  );
}
