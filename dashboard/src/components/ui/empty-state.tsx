/** Shown before the first trip: how to send one with curl. */
export function EmptyState({ title = 'No trips yet' }: { title?: string }) {
  const origin = typeof window === 'undefined' ? 'http://127.0.0.1:8080' : window.location.origin;
  const curl =
    `curl -X POST ${origin}/api/v1/telemetry \\\n` +
    `  -H 'Content-Type: application/json' -H 'Authorization: Bearer <device API key>' \\\n` +
    `  -d '{"vehicle_id":"3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10",` +
    `"driver_id":"7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d",` +
    `"timestamp":"${new Date().toISOString().slice(0, 19)}Z","sample_rate_hz":10,` +
    `"data":[{"speed_kmh":45,"g_force_long":0.1,"g_force_lat":0.0},` +
    `{"speed_kmh":44,"g_force_long":-0.6,"g_force_lat":0.0}]}'`;
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
      <h2 className="text-lg font-semibold text-slate-800">{title}</h2>
      <p className="mt-1 text-sm text-slate-700">
        Send the first trip to the gateway; it appears here within seconds once the job scores it.
      </p>
      <pre
        aria-label="Example request"
        className="mt-3 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
      >
        <code>{curl}</code>
      </pre>
    </div>
  );
}
