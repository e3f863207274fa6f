import { Route, Switch } from 'wouter';
import { Layout, PageTitle } from '@/components/ui/layout';
import { TokenScreen } from '@/features/auth/components/token-screen';
import { DriverDetailView } from '@/features/drivers/components/driver-detail';
import { DriversLeaderboard } from '@/features/drivers/components/drivers-leaderboard';
import { FleetOverview } from '@/features/fleet/components/fleet-overview';
import { TripDetailView } from '@/features/trips/components/trip-detail';
import { VehiclesList } from '@/features/vehicles/components/vehicles-list';

/** Page routes; the gateway answers each of these paths with index.html (DashboardFiles.PAGES). */
export function AppRouter() {
  return (
    <Switch>
      <Route path="/login">
        <TokenScreen rejected={false} />
      </Route>
      <Route>
        <Pages />
      </Route>
    </Switch>
  );
}

function Pages() {
  return (
    <Layout>
      <Switch>
        <Route path="/" component={FleetOverview} />
        <Route path="/drivers" component={DriversLeaderboard} />
        <Route path="/drivers/:driverId">{(p) => <DriverDetailView driverId={p.driverId} />}</Route>
        <Route path="/trips/:tripId">{(p) => <TripDetailView tripId={p.tripId} />}</Route>
        <Route path="/vehicles" component={VehiclesList} />
        <Route>
          <PageTitle>Page not found</PageTitle>
        </Route>
      </Switch>
    </Layout>
  );
}
