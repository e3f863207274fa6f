// End-to-end test of the dashboard against the real stack: gateway, Flink job, PostgreSQL and
// RabbitMQ (launcher), driven with Debian's Chromium through playwright-core. Posts trips, waits
// until they are scored, walks every view (axe-core: no serious or critical violation, a
// screenshot each), checks the trip's events are drawn, measures the chart render time of a
// 100,000-sample trip and the initial JavaScript size, then runs the operator's and the viewer's
// workflows (workflows.mjs).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { sleep, startStack } from './stack.mjs';
import { tripBody } from './trips.mjs';
import { runWorkflows } from './workflows.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dashboardDir = path.resolve(here, '..');
const root = path.resolve(dashboardDir, '..');
const outDir = path.join(here, 'out');
const shotsDir = path.join(root, 'docs/screenshots');
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const RENDER_RUNS = Number(process.env.E2E_RENDER_RUNS ?? 5);
const LONG_SAMPLES = 100_000;

const log = (...a) => console.log('[e2e]', ...a);

if (process.env.SKIP_E2E === 'true') {
  log('skipped: -DskipITs / -DskipTests was given');
  process.exit(0);
}
mkdirSync(outDir, { recursive: true });
mkdirSync(shotsDir, { recursive: true });

const failures = [];
function check(condition, message) {
  if (!condition) {
    failures.push(message);
    log('FAIL', message);
  }
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Initial JavaScript: the entry script and its modulepreloads, gzipped (level 9 and default). */
function initialJsSize() {
  const dist = path.join(dashboardDir, 'dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let raw = 0;
  let gz = 0;
  for (const f of new Set(files)) {
    const bytes = readFileSync(path.join(dist, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...new Set(files)], rawKB: raw / 1024, gzipKB: gz / 1024 };
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!existsSync(path.join(dashboardDir, 'dist/index.html'))) throw new Error('dashboard/dist is missing: npm run build');
  const js = initialJsSize();
  log(`initial JS ${js.gzipKB.toFixed(1)} KB gzipped (${js.rawKB.toFixed(1)} KB raw): ${js.files.join(', ')}`);
  check(js.gzipKB <= 300, `initial JS ${js.gzipKB.toFixed(1)} KB gzipped exceeds 300 KB`);

  const stack = await startStack({ root, outDir, log });
  let browser;
  try {
    log(`credentials: operator token ${stack.operatorToken ? 'found' : 'none'}, device key ${stack.deviceKey ? 'found' : 'none'}`);
    const apiHeaders = stack.operatorToken ? { Authorization: `Bearer ${stack.operatorToken}` } : {};
    const api = async (p) => {
      const res = await fetch(`${stack.base}${p}`, { headers: apiHeaders });
      if (!res.ok) throw new Error(`GET ${p} -> ${res.status} ${await res.text()}`);
      return res.json();
    };

    // The scoring job must run before trips can complete.
    const jobDeadline = Date.now() + 180_000;
    for (;;) {
      const p = await api('/api/v1/pipeline');
      if (p.flink.state === 'RUNNING') break;
      if (Date.now() > jobDeadline) throw new Error(`Flink job not RUNNING: ${p.flink.state}`);
      await sleep(1000);
    }

    const driverA = randomUUID();
    const driverB = randomUUID();
    const vehicle = randomUUID();
    const plans = [
      { driverId: driverA, samples: 1200, manoeuvres: [{ at: 200, kind: 'braking' }, { at: 600, kind: 'accel' }, { at: 900, kind: 'corner' }] },
      { driverId: driverA, samples: 3000, manoeuvres: [{ at: 500, kind: 'speeding' }, { at: 1500, kind: 'braking' }, { at: 2500, kind: 'braking' }] },
      { driverId: driverB, samples: 1800, manoeuvres: [] },
      { driverId: driverB, samples: 2400, manoeuvres: [{ at: 1000, kind: 'accel' }] },
      {
        driverId: driverA,
        samples: LONG_SAMPLES,
        long: true,
        manoeuvres: [10_000, 35_000, 60_000, 85_000].flatMap((at, i) => [
          { at, kind: i % 2 ? 'accel' : 'braking' },
          { at: at + 5_000, kind: 'speeding' },
        ]),
      },
    ];
    async function postTrip(plan, seed) {
      const body = tripBody({ vehicleId: vehicle, seed, ...plan });
      const headers = { 'Content-Type': 'application/json' };
      if (stack.deviceKey) headers.Authorization = `Bearer ${stack.deviceKey}`;
      const res = await fetch(`${stack.base}/api/v1/telemetry`, { method: 'POST', headers, body });
      const answer = await res.json();
      if (res.status !== 202) throw new Error(`POST telemetry -> ${res.status} ${JSON.stringify(answer)}`);
      return { ...plan, tripId: answer.trip_id };
    }
    const posted = [];
    for (const [i, plan] of plans.entries()) posted.push(await postTrip(plan, i + 1));
    log(`posted ${posted.length} trips`);

    const doneDeadline = Date.now() + 240_000;
    const trips = {};
    for (const t of posted) {
      for (;;) {
        const trip = await api(`/api/v1/trips/${t.tripId}`);
        if (trip.status === 'COMPLETED' || trip.status === 'FAILED') {
          trips[t.tripId] = trip;
          break;
        }
        if (Date.now() > doneDeadline) throw new Error(`trip ${t.tripId} still ${trip.status}`);
        await sleep(500);
      }
    }
    for (const t of posted) check(trips[t.tripId].status === 'COMPLETED', `trip ${t.tripId} ended ${trips[t.tripId].status}`);
    const withEvents = posted.find((t) => !t.long && trips[t.tripId].events.length > 0);
    const long = posted.find((t) => t.long);
    check(withEvents, 'no short trip has detected events');
    log(`all trips completed; events per trip: ${posted.map((t) => trips[t.tripId].events.length).join(', ')}`);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => check(false, `page error: ${e.message}`));
    const axeSource = readFileSync(path.join(dashboardDir, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const a11y = {};
    async function audit(view, target = page) {
      await target.addScriptTag({ content: axeSource });
      const violations = await target.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      a11y[view] = { violations: violations.length, serious: serious.length };
      check(serious.length === 0, `${view}: axe ${JSON.stringify(serious)}`);
      await target.screenshot({ path: path.join(shotsDir, `${view}.png`), fullPage: true });
      log(`${view}: ${violations.length} axe violations (${serious.length} serious/critical), screenshot saved`);
    }

    /** The token must be in no storage, address or script-readable cookie of the page. */
    async function checkNoTokenInPage(token, when) {
      const found = await page.evaluate((t) => {
        const places = [];
        for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
          for (let i = 0; i < storage.length; i++) {
            const key = storage.key(i);
            if (key.includes(t) || (storage.getItem(key) ?? '').includes(t)) places.push(`${name}.${key}`);
          }
        }
        if (location.href.includes(t) || location.href.includes('token=')) places.push('the address');
        if (document.cookie.includes(t) || document.cookie.includes('fleetflow_session')) places.push('document.cookie');
        return places;
      }, token);
      check(found.length === 0, `${when}: the token or session is readable in ${found.join(', ')}`);
    }

    // Token screen (what an operator sees first when the gateway wants a token).
    await page.goto(`${stack.base}/login`);
    await page.getByLabel('Operator token').waitFor();
    await audit('login');

    // Sign in on the token screen with the token the launcher prints: the gateway answers with an
    // HttpOnly session cookie, and the token stays nowhere in the page (storage, address, cookie).
    if (stack.operatorToken) {
      await page.getByLabel('Operator token').fill(stack.operatorToken);
      await page.getByRole('button', { name: 'Open the dashboard' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
      await checkNoTokenInPage(stack.operatorToken, 'after sign-in');
      const session = (await context.cookies()).find((c) => c.name === 'fleetflow_session');
      check(session, 'no fleetflow_session cookie after sign-in');
      check(session?.httpOnly, 'the session cookie is not HttpOnly');
      check(session?.sameSite === 'Strict', `the session cookie is SameSite=${session?.sameSite}, not Strict`);
      check(session && session.expires > Date.now() / 1000, 'the session cookie has no expiry');
      check(!session?.value.includes(stack.operatorToken), 'the session cookie carries the token');
      log('signed in through the token screen: HttpOnly SameSite=Strict session cookie, no token in the page');
    } else {
      await page.goto(`${stack.base}/`);
    }
    await page.getByRole('heading', { name: 'Fleet overview' }).waitFor({ timeout: 20_000 });
    for (const t of posted) {
      await page.locator(`tr[data-trip-id="${t.tripId}"]`).waitFor({ timeout: 20_000 }).catch(() => check(false, `overview lacks trip ${t.tripId}`));
    }
    await page.locator('[data-flink-state="RUNNING"]').waitFor({ timeout: 20_000 });
    await audit('overview');

    // Live: a trip posted now shows up on the open overview, and turns COMPLETED, without a reload.
    const live = await postTrip({ driverId: driverB, samples: 600, manoeuvres: [{ at: 100, kind: 'braking' }] }, 99);
    const liveRow = page.locator(`tr[data-trip-id="${live.tripId}"]`);
    await liveRow.waitFor({ timeout: 30_000 }).catch(() => check(false, 'a new trip did not appear without a reload'));
    await liveRow.getByText('COMPLETED').waitFor({ timeout: 60_000 }).catch(() => check(false, 'the new trip did not turn COMPLETED live'));
    log('live: a new trip appeared and completed on the open overview');

    // Drivers leaderboard, then one driver.
    await page.getByRole('link', { name: 'Drivers', exact: true }).click();
    await page.locator(`tr[data-driver-id="${driverA}"]`).waitFor({ timeout: 20_000 });
    await audit('drivers');
    await page.locator(`tr[data-driver-id="${driverA}"] a`).first().click();
    await page.getByRole('heading', { name: `Driver ${driverA.slice(0, 8)}` }).waitFor({ timeout: 20_000 });
    await page.locator(`tr[data-trip-id="${withEvents.tripId}"]`).waitFor({ timeout: 20_000 });
    await audit('driver');

    // A trip with events: every event drawn on the chart and listed.
    await page.locator(`tr[data-trip-id="${withEvents.tripId}"] a`).first().click();
    const chart = page.locator('[data-testid="trip-chart"][data-events-drawn]');
    await chart.waitFor({ timeout: 20_000 });
    const expectedEvents = trips[withEvents.tripId].events.length;
    check(Number(await chart.getAttribute('data-events-drawn')) === expectedEvents, 'chart did not draw every event');
    check((await page.locator('tr[data-event-type]').count()) === expectedEvents, 'events table incomplete');
    const shaded = await page.evaluate(() => {
      // The speed chart's canvas must carry the events' colours somewhere (shading + labels).
      const canvas = document.querySelector('[data-chart="speed"] canvas');
      const ctx = canvas.getContext('2d');
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let tinted = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a > 0 && r > g + 20 && r > b + 20) tinted++;
      }
      return tinted;
    });
    check(shaded > 100, `no event shading found on the chart (${shaded} tinted pixels)`);
    await audit('trip');

    await page.getByRole('link', { name: 'Vehicles', exact: true }).click();
    // Unregistered here: the start of its id, the whole id on hover (data-entity-id).
    await page.locator(`[data-entity-id="${vehicle}"]`).first().waitFor({ timeout: 20_000 });
    await audit('vehicles');
    if (stack.operatorToken) await checkNoTokenInPage(stack.operatorToken, 'after the walk');

    // The 100,000-sample trip: time from data to drawn chart, and from navigation to drawn chart;
    // the same for a short trip in the same runs as the baseline.
    async function timeChart(tripId) {
      const started = Date.now();
      await page.goto(`${stack.base}/trips/${tripId}`);
      const c = page.locator('[data-testid="trip-chart"][data-render-ms]');
      await c.waitFor({ timeout: 30_000 });
      return { total: Date.now() - started, render: Number(await c.getAttribute('data-render-ms')) };
    }
    const render = [];
    const total = [];
    const baseRender = [];
    const baseTotal = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      const base = await timeChart(withEvents.tripId);
      baseRender.push(base.render);
      baseTotal.push(base.total);
      const longRun = await timeChart(long.tripId);
      render.push(longRun.render);
      total.push(longRun.total);
    }
    check(Number(await page.locator('[data-testid="trip-chart"]').getAttribute('data-events-drawn')) === trips[long.tripId].events.length, 'long trip events not all drawn');
    await page.screenshot({ path: path.join(shotsDir, 'trip-100k.png'), fullPage: true });

    // Issue 20: rename a vehicle, dismiss an event, acknowledge an alert, a viewer reads only.
    const workflows = await runWorkflows({ root, browser, page, stack, api, postTrip, check, audit, log, vehicle, posted });
    const result = {
      chart_render_ms_median: median(render),
      chart_render_ms_runs: render,
      navigation_to_chart_ms_median: median(total),
      navigation_to_chart_ms_runs: total,
      baseline_trip_samples: withEvents.samples,
      baseline_chart_render_ms_median: median(baseRender),
      baseline_navigation_to_chart_ms_median: median(baseTotal),
      long_trip_samples: LONG_SAMPLES,
      long_trip_events: trips[long.tripId].events.length,
      initial_js_gzip_kb: Number(js.gzipKB.toFixed(1)),
      initial_js_raw_kb: Number(js.rawKB.toFixed(1)),
      axe: a11y,
      workflows,
    };
    check(result.chart_render_ms_median < 1000, `100k-sample chart took ${result.chart_render_ms_median} ms`);
    writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(result, null, 2));
    console.log(`E2E RESULT ${JSON.stringify(result)}`);
  } finally {
    if (browser) await browser.close();
    await stack.stop();
  }
  if (failures.length) {
    console.error(`[e2e] ${failures.length} failure(s):\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  log('passed');
}

main().catch((e) => {
  console.error('[e2e] error:', e);
  process.exit(1);
});
