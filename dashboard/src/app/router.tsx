import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Layout, PageTitle } from '@/components/ui/layout';
import { PageSkeleton } from '@/components/ui/skeleton';
import { TokenScreen } from '@/features/auth/components/token-screen';

// One chunk per page: the first page loads only what it shows (the charting library, for one,
// only with the pages that draw charts). page-modules.ts names the same modules for the build, which
// preloads the opened page's chunk alongside the main one (a test keeps the two lists the same).
const FleetPage = lazy(() => import('./pages/fleet-page'));
const DriverPage = lazy(() => import('./pages/driver-page'));
const RegistryPage = lazy(() => import('./pages/registry-page'));
const InboxPage = lazy(() => import('./pages/inbox-page'));
const DriversLeaderboard = lazy(() =>
  import('@/features/drivers/components/drivers-leaderboard').then((m) => ({ default: m.DriversLeaderboard })),
);
const TripDetailView = lazy(() =>
  import('@/features/trips/components/trip-detail').then((m) => ({ default: m.TripDetailView })),
);
const VehiclesList = lazy(() =>
  import('@/features/vehicles/components/vehicles-list').then((m) => ({ default: m.VehiclesList })),
);

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
      <Suspense fallback={<PageSkeleton />}>
        <Switch>
          <Route path="/" component={FleetPage} />
          <Route path="/drivers" component={DriversLeaderboard} />
          <Route path="/drivers/:driverId">{(p) => <DriverPage driverId={p.driverId} />}</Route>
          <Route path="/trips/:tripId">{(p) => <TripDetailView tripId={p.tripId} />}</Route>
          <Route path="/vehicles" component={VehiclesList} />
          <Route path="/registry" component={RegistryPage} />
          <Route path="/inbox" component={InboxPage} />
          <Route>
            <PageTitle>Page not found</PageTitle>
          </Route>
        </Switch>
      </Suspense>
    </Layout>
  );
}
