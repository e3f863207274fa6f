import { AlertsPanel } from '@/features/alerts/components/alerts-panel';
import { FleetOverview } from '@/features/fleet/components/fleet-overview';
import { TripsTable } from '@/features/trips/components/trips-table';

/** The overview: open alerts first, then fleet figures with the latest trips. */
export default function FleetPage() {
  return (
    <div className="space-y-4">
      <AlertsPanel />
      <FleetOverview latestTrips={<TripsTable params={{ limit: 10 }} caption="Latest trips" />} />
    </div>
  );
}
