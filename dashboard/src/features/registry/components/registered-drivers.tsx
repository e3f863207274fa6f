import { useRegisteredDrivers } from '../api/get-registered-drivers';
import { DriverForm } from './driver-form';
import { RegistryList } from './registry-list';

/** Every registered driver; operators add and edit them here. */
export function RegisteredDrivers() {
  return (
    <RegistryList
      noun="driver"
      entries={useRegisteredDrivers()}
      id={(d) => d.driver_id}
      detail={{ header: 'Reference', cell: (d) => d.external_ref ?? '—' }}
      form={(d, onDone) => <DriverForm driver={d} onDone={onDone} />}
    />
  );
}
