/**
 * Which module draws the page at which address. router.tsx loads each lazily; the build
 * (build/route-preload.ts) adds a script to index.html that preloads, for the address the browser
 * opened, that page's chunk and its imports, so they download with the main chunk instead of
 * after it. A test keeps this list and the router's imports the same.
 */
export const PAGE_MODULES: readonly { path: RegExp; module: string }[] = [
  { path: /^\/$/, module: 'src/app/pages/fleet-page.tsx' },
  { path: /^\/drivers$/, module: 'src/features/drivers/components/drivers-leaderboard.tsx' },
  { path: /^\/drivers\/[^/]+$/, module: 'src/app/pages/driver-page.tsx' },
  { path: /^\/trips\/[^/]+$/, module: 'src/features/trips/components/trip-detail.tsx' },
  { path: /^\/vehicles$/, module: 'src/features/vehicles/components/vehicles-list.tsx' },
  { path: /^\/registry$/, module: 'src/app/pages/registry-page.tsx' },
  { path: /^\/inbox$/, module: 'src/app/pages/inbox-page.tsx' },
];
