import { http, HttpResponse } from 'msw';
import * as f from './fixtures';

/** The read API as the dashboard expects it; tests override single routes with server.use(). */
export const handlers = [
  http.get('*/api/v1/fleet/summary', () => HttpResponse.json(f.summary())),
  http.get('*/api/v1/pipeline', () => HttpResponse.json(f.pipeline)),
  http.get('*/api/v1/drivers', () =>
    HttpResponse.json({ items: [f.driver(f.DRIVER_A, 92, { crashes: 2 }), f.driver(f.DRIVER_B, 58)] }),
  ),
  http.get('*/api/v1/drivers/:id', ({ params }) => HttpResponse.json(f.driverDetail(String(params.id)))),
  http.get('*/api/v1/trips', () => HttpResponse.json({ items: [f.tripSummary(f.TRIP)], next_cursor: null })),
  http.get('*/api/v1/trips/:id/samples', () => HttpResponse.json(f.samples)),
  http.get('*/api/v1/trips/:id', () => HttpResponse.json(f.tripDetail())),
  http.get('*/api/v1/vehicles', () => HttpResponse.json({ items: f.vehicles })),
  http.get('*/api/v1/registry/vehicles', () => HttpResponse.json({ items: [f.registeredVehicle] })),
  http.get('*/api/v1/registry/drivers', () => HttpResponse.json({ items: [f.registeredDriver] })),
  http.get('*/api/v1/registry/audit', () => HttpResponse.json({ items: f.auditEntries })),
  http.get('*/api/v1/alerts', () => HttpResponse.json({ items: [] })),
  // Signed in as an operator unless a test says otherwise (test-utils signInAs).
  http.get('*/api/v1/session', () => HttpResponse.json(f.session('OPERATOR'))),
  http.delete('*/api/v1/session', () => new HttpResponse(null, { status: 204 })),
];

export function problem(status: number, title: string, detail = '') {
  return HttpResponse.json(
    { type: '/problems/x', title, status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}
