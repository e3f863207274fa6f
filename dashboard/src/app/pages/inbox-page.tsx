import { useMemo } from 'react';
import { PageTitle } from '@/components/ui/layout';
import type { EventChart } from '@/features/inbox/components/event-detail';
import { SafetyInbox } from '@/features/inbox/components/safety-inbox';
import { useRegisteredDrivers } from '@/features/registry/api/get-registered-drivers';
import { useRegisteredVehicles } from '@/features/registry/api/get-registered-vehicles';
import { EventWindowChart } from '@/features/trips/components/event-window-chart';
import { useCanWrite } from '@/lib/auth';

const chart: EventChart = ({ tripId, startMs, endMs }) => (
  <EventWindowChart tripId={tripId} startMs={startMs} endMs={endMs} />
);

/**
 * The safety inbox: detected events to review; a dismissal takes an event out of the score. Composes
 * the inbox with the registry's names (for the filters) and the trips' chart (around an event).
 */
export default function InboxPage() {
  const canWrite = useCanWrite();
  const drivers = useRegisteredDrivers();
  const vehicles = useRegisteredVehicles();
  const driverChoices = useMemo(
    () => (drivers.data?.items ?? []).map((d) => ({ id: d.driver_id, name: d.name })),
    [drivers.data],
  );
  const vehicleChoices = useMemo(
    () => (vehicles.data?.items ?? []).map((v) => ({ id: v.vehicle_id, name: v.name })),
    [vehicles.data],
  );
  return (
    <>
      <PageTitle
        sub={
          canWrite
            ? 'Review detected events. Dismissed events (not the driver’s fault) leave the trip’s score within seconds.'
            : 'Read only: this token may not review events.'
        }
      >
        Safety inbox
      </PageTitle>
      <SafetyInbox drivers={driverChoices} vehicles={vehicleChoices} chart={chart} />
    </>
  );
}
