import { PageTitle } from '@/components/ui/layout';
import { CsvImport } from '@/features/registry/components/csv-import';
import { RegisteredDrivers } from '@/features/registry/components/registered-drivers';
import { RegisteredVehicles } from '@/features/registry/components/registered-vehicles';
import { RegistryAudit } from '@/features/registry/components/registry-audit';
import { useCanWrite } from '@/lib/auth';

/** The fleet registry: names and classes of vehicles and drivers, CSV import, and the audit. */
export default function RegistryPage() {
  const canWrite = useCanWrite();
  return (
    <div className="space-y-4">
      <PageTitle sub={canWrite ? 'Name the fleet: every list shows these names.' : 'Read only: this token may not change the registry.'}>
        Registry
      </PageTitle>
      <RegisteredVehicles />
      <RegisteredDrivers />
      {canWrite && <CsvImport />}
      <RegistryAudit />
    </div>
  );
}
