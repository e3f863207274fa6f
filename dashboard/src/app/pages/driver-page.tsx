import { DriverDetailView } from '@/features/drivers/components/driver-detail';
import { TripsTable } from '@/features/trips/components/trips-table';
import { shortId } from '@/lib/format';

/** One driver: statistics and score history with the driver's trips. */
export default function DriverPage({ driverId }: { driverId: string }) {
  return (
    <DriverDetailView
      driverId={driverId}
      trips={<TripsTable params={{ driverId, limit: 20 }} caption={`Trips of driver ${shortId(driverId)}`} />}
    />
  );
}
