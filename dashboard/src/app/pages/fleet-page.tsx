import { FleetOverview } from '@/features/fleet/components/fleet-overview';
import { TripsTable } from '@/features/trips/components/trips-table';

/** The overview: fleet figures with the latest trips. */
export default function FleetPage() {
  return <FleetOverview latestTrips={<TripsTable params={{ limit: 10 }} caption="Latest trips" />} />;
}
