// What an operator does in the dashboard, end to end against the real stack (issue 20): rename a
// vehicle in the registry, dismiss an event in the safety inbox and see the trip's score and the
// driver's statistics follow through the scoring job, acknowledge an alert raised by a severe
// brake; and a viewer token, signed in through the token screen, sees no write control. Each flow
// checks through the page and through the API, and reports how long it took.
import { randomUUID } from 'node:crypto';
import { createApiKey } from './api-keys.mjs';
import { sleep } from './stack.mjs';

const RESCORE_TIMEOUT_MS = 30_000;

/** Signs in through the token screen (/login), whatever the dashboard keeps the session in. */
export async function signIn(page, token, base) {
  await page.goto(`${base}/login`);
  await page.getByLabel(/token/i).fill(token);
  await page.getByRole('button', { name: /open the dashboard|sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
}

/** Polls `probe` until it returns something truthy; null (and a failed check) after `timeoutMs`. */
async function until(probe, timeoutMs, what, check) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) {
      check(false, `${what} (waited ${timeoutMs} ms)`);
      return null;
    }
    await sleep(250);
  }
}

async function text(locator) {
  return ((await locator.textContent({ timeout: 10_000 })) ?? '').trim();
}

/** The value (dd) next to a term (dt) inside `scope`. */
function definition(scope, term) {
  return scope.locator('dt', { hasText: new RegExp(`^${term}$`) }).first().locator('xpath=following-sibling::dd[1]');
}

function card(page, title) {
  return page.locator('section').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/** API calls with a given bearer token; the status is returned with the body, never thrown. */
function client(base, token) {
  return async (method, p, body) => {
    const headers = { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${base}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const raw = await res.text();
    let json = null;
    try {
      json = raw ? JSON.parse(raw) : null;
    } catch {
      json = raw;
    }
    return { status: res.status, body: json };
  };
}

async function awaitScored(api, tripId) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const trip = await api(`/api/v1/trips/${tripId}`);
    if (trip.status === 'COMPLETED' || trip.status === 'FAILED') return trip;
    if (Date.now() > deadline) throw new Error(`trip ${tripId} still ${trip.status}`);
    await sleep(300);
  }
}

async function timed(timings, name, flow) {
  const started = Date.now();
  await flow();
  timings[`${name}_ms`] = Date.now() - started;
}

/**
 * Runs every flow on the operator's signed-in `page`, then the viewer's in a context of its own.
 * `vehicle` is the e2e vehicle (its trips are in `posted`); `postTrip(plan, seed)` posts a trip.
 */
export async function runWorkflows({ root, browser, page, stack, api, postTrip, check, audit, log, vehicle, posted }) {
  const timings = {};
  const started = Date.now();
  const operator = client(stack.base, stack.operatorToken);

  // Trips of their own, so the flows do not depend on the other checks: a driver whose trip has two
  // HARSH brakes (0.5 g: no alert) to dismiss one of, and one whose trip has two SEVERE brakes
  // (0.9 g: two alerts), one to acknowledge and one left open for the viewer.
  const reviewDriver = randomUUID();
  const alertDriver = randomUUID();
  let review;
  let alerting;
  await timed(timings, 'workflow_trips', async () => {
    review = await postTrip({ driverId: reviewDriver, vehicleId: randomUUID(), samples: 3000, manoeuvres: [
      { at: 800, kind: 'braking', g: 0.5 }, { at: 2000, kind: 'braking', g: 0.5 }] }, 201);
    alerting = await postTrip({ driverId: alertDriver, vehicleId: randomUUID(), samples: 1500, manoeuvres: [
      { at: 400, kind: 'braking', g: 0.9 }, { at: 1000, kind: 'braking', g: 0.9 }] }, 202);
    review.trip = await awaitScored(api, review.tripId);
    alerting.trip = await awaitScored(api, alerting.tripId);
  });

  await timed(timings, 'rename', () => renameVehicle({ page, stack, api, check, audit, log, vehicle, posted }));
  await timed(timings, 'dismiss', () => dismissEvent({ page, stack, api, operator, check, audit, log, review, reviewDriver }));
  await timed(timings, 'acknowledge', () => acknowledgeAlert({ page, api, check, audit, log, alerting }));
  await timed(timings, 'viewer', () => viewerReadsOnly({ root, browser, stack, check, audit, log, vehicle, review, alerting }));
  timings.total_ms = Date.now() - started;
  log(`workflows: ${JSON.stringify(timings)}`);
  return timings;
}

/** Registers the e2e vehicle (name and class), renames it, and finds the name where its id was. */
async function renameVehicle({ page, stack, api, check, audit, log, vehicle, posted }) {
  const firstName = `E2E van ${vehicle.slice(0, 4)}`;
  const name = `E2E delivery van ${vehicle.slice(0, 4)}`;
  await page.getByRole('link', { name: 'Registry', exact: true }).click();
  await page.getByRole('heading', { name: 'Registry', exact: true }).waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Register a vehicle' }).click();
  const form = page.getByRole('form', { name: 'Register a vehicle' });
  await form.getByLabel(/Vehicle id/).fill(vehicle);
  await form.getByLabel('Name or plate').fill(firstName);
  await form.getByLabel('Class').selectOption('van');
  await form.getByRole('button', { name: 'Save vehicle' }).click();
  await form.waitFor({ state: 'detached', timeout: 20_000 });

  // Rename it: the edit form of the registered row.
  await page.getByRole('button', { name: `Edit ${firstName}` }).click();
  const edit = page.getByRole('form', { name: `Edit vehicle ${firstName}` });
  check((await edit.getByLabel(/Vehicle id/).inputValue()) === vehicle, 'the edit form shows another vehicle id');
  await edit.getByLabel('Name or plate').fill(name);
  await edit.getByRole('button', { name: 'Save vehicle' }).click();
  await edit.waitFor({ state: 'detached', timeout: 20_000 });
  const row = page.getByRole('row').filter({ hasText: vehicle });
  await row.getByRole('cell', { name, exact: true }).waitFor({ timeout: 20_000 }).catch(() => check(false, 'the registry does not list the new name'));
  check((await text(row)).includes('Van'), 'the registry row does not show the class Van');
  await audit('registry');

  const registered = await api(`/api/v1/vehicles/${vehicle}`).catch((e) => ({ error: String(e) }));
  check(registered.name === name && registered.vehicle_class === 'van', `API: vehicle registration ${JSON.stringify(registered)}`);
  const listed = (await api('/api/v1/vehicles')).items.find((v) => v.vehicle_id === vehicle);
  check(listed?.vehicle_name === name && listed?.vehicle_class === 'van', `API: vehicles list shows ${JSON.stringify(listed)}`);

  // The vehicles list and a trip of it name the vehicle; the id prefix is gone.
  await page.getByRole('link', { name: 'Vehicles', exact: true }).click();
  const entity = page.locator(`[data-entity-id="${vehicle}"]`).first();
  await until(async () => (await text(entity)) === name, 20_000, 'the vehicles list does not show the new name', check);
  await page.goto(`${stack.base}/trips/${posted[0].tripId}`);
  const onTrip = page.locator(`main [data-entity-id="${vehicle}"]`).first();
  const shown = await until(async () => {
    const t = await text(onTrip);
    return t === name ? t : null;
  }, 20_000, `the trip page does not name the vehicle ${name}`, check);
  if (shown) check(!(await text(page.locator('main'))).includes(`${vehicle.slice(0, 8)} (not registered)`), 'the trip page still shows the id prefix');
  check((await text(page.locator('main'))).includes('(Van)'), 'the trip page does not show the class Van');
  log(`rename: vehicle ${vehicle.slice(0, 8)} is "${name}" (Van) in the registry, the vehicles list and its trip`);
}

/** Dismisses one of two brakes in the inbox; the job re-scores: score up, one brake fewer, driver follows. */
async function dismissEvent({ page, stack, api, operator, check, audit, log, review, reviewDriver }) {
  const before = review.trip;
  const brakesBefore = before.harsh_braking_count;
  check(brakesBefore >= 2, `the review trip counts ${brakesBefore} brakes, expected 2`);
  check(before.safety_score < 100, `the review trip scores ${before.safety_score}: no room to rise`);
  const event = before.events.find((e) => e.type === 'HARSH_BRAKING');
  if (!event) {
    check(false, `the review trip has no HARSH_BRAKING event: ${JSON.stringify(before.events)}`);
    return;
  }
  const driverBefore = await api(`/api/v1/drivers/${reviewDriver}`);

  await page.getByRole('link', { name: 'Safety inbox', exact: true }).click();
  const row = page.locator(`tr[data-event="${review.tripId}:${event.seq}"]`);
  await row.waitFor({ timeout: 20_000 });
  await row.getByRole('button', { name: 'Review' }).click();
  await row.getByLabel('New status').selectOption('dismissed');
  const save = row.getByRole('button', { name: 'Save' });
  check(await save.isDisabled(), 'Save is enabled for a dismissal without a reason');
  await row.getByLabel(/^Reason/).fill('Braked for a deer crossing: not the driver’s fault');
  await row.getByLabel('Comment').fill('e2e');
  await audit('inbox-review');
  const saved = Date.now();
  await save.click();
  // The row leaves the "needs review" list once saved.
  await row.waitFor({ state: 'detached', timeout: 20_000 }).catch(() => check(false, 'the dismissed event stayed in the needs-review list'));

  const after = await until(async () => {
    const t = await api(`/api/v1/trips/${review.tripId}`);
    return t.harsh_braking_count === brakesBefore - 1 && t.safety_score > before.safety_score ? t : null;
  }, RESCORE_TIMEOUT_MS, `the trip was not re-scored without the dismissed brake: ${brakesBefore} brakes, score ${before.safety_score}`, check);
  const rescoreMs = Date.now() - saved;
  if (!after) return;
  check(after.events.length === before.events.length, 'the dismissed event is no longer listed with the trip');
  const driverAfter = await until(async () => {
    const d = await api(`/api/v1/drivers/${reviewDriver}`);
    return d.event_counts.harsh_braking === driverBefore.event_counts.harsh_braking - 1 && d.avg_score > driverBefore.avg_score ? d : null;
  }, RESCORE_TIMEOUT_MS, `the driver's statistics did not follow: ${JSON.stringify(driverBefore.event_counts)}, average ${driverBefore.avg_score}`, check);
  const reviewed = await operator('GET', `/api/v1/trips/${review.tripId}/events/${event.seq}/review`);
  check(reviewed.body?.review?.status === 'dismissed', `API: review is ${JSON.stringify(reviewed.body?.review)}`);

  // The page: the dismissed filter lists it; the trip and the driver show the new figures.
  await page.getByLabel(/^Status/).selectOption('dismissed');
  await row.waitFor({ timeout: 20_000 }).catch(() => check(false, 'the dismissed filter does not list the event'));
  await page.goto(`${stack.base}/trips/${review.tripId}`);
  const score = card(page, 'Score');
  await until(async () => (await text(score.locator('[data-band]').first())) === String(Math.round(after.safety_score)),
    20_000, `the trip page does not show the score ${after.safety_score}`, check);
  check((await text(definition(score, 'Harsh braking'))) === String(brakesBefore - 1), 'the trip page does not count one brake fewer');
  check((await page.locator('tr[data-event-type]').count()) === before.events.length, 'the trip page lists fewer events');
  await audit('trip-dismissed');
  if (driverAfter) {
    await page.goto(`${stack.base}/drivers/${reviewDriver}`);
    const breakdown = card(page, 'Event breakdown');
    await until(async () => (await text(definition(breakdown, 'Harsh braking'))) === String(driverAfter.event_counts.harsh_braking),
      20_000, 'the driver page does not show the new brake count', check);
    check((await text(page.locator('[data-band]').first())) === String(Math.round(driverAfter.avg_score)), 'the driver page does not show the new average');
  }
  log(`dismiss: brakes ${brakesBefore} -> ${after.harsh_braking_count}, score ${before.safety_score} -> ${after.safety_score}` +
    ` (${rescoreMs} ms after Save); driver average ${driverBefore.avg_score} -> ${driverAfter?.avg_score}, rolling ${driverBefore.rolling_score} -> ${driverAfter?.rolling_score}`);
}

/** A severe brake raised an alert; the overview's panel acknowledges it; the API agrees. */
async function acknowledgeAlert({ page, api, check, audit, log, alerting }) {
  const open = await until(async () => {
    const items = (await api('/api/v1/alerts?status=open')).items.filter((a) => a.trip_id === alerting.tripId);
    return items.length >= 2 ? items : null;
  }, 20_000, 'the two severe brakes raised no two open alerts', check);
  if (!open) return;
  check(open.every((a) => a.event_type === 'HARSH_BRAKING' && a.severity === 'SEVERE'), `alerts: ${JSON.stringify(open)}`);
  const alert = open[open.length - 1];
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  const item = page.locator(`li[data-alert-id="${alert.id}"]`);
  await item.waitFor({ timeout: 20_000 });
  await audit('alerts');
  await item.getByRole('button', { name: /^Acknowledge/ }).click();
  await item.waitFor({ state: 'detached', timeout: 20_000 }).catch(() => check(false, 'the acknowledged alert stayed in the open list'));
  const acknowledged = (await api('/api/v1/alerts?status=acknowledged')).items.find((a) => a.id === alert.id);
  check(acknowledged?.status === 'acknowledged' && acknowledged.acknowledged_at && acknowledged.acknowledged_by,
    `API: acknowledged alert ${JSON.stringify(acknowledged)}`);
  check(!(await api('/api/v1/alerts?status=open')).items.some((a) => a.id === alert.id), 'API: the alert is still open');
  log(`acknowledge: alert ${alert.id.slice(0, 8)} acknowledged by ${acknowledged?.acknowledged_by}`);
}

/** A viewer token: lists and figures, but no button or form that would change anything. */
async function viewerReadsOnly({ root, browser, stack, check, audit, log, vehicle, review, alerting }) {
  const token = process.env.E2E_VIEWER_TOKEN || (await createApiKey({ root, stack, role: 'VIEWER', name: 'e2e viewer' }));
  check(token.startsWith('ffv_'), 'the viewer key does not start with ffv_');
  const viewer = client(stack.base, token);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => check(false, `viewer page error: ${e.message}`));
    await signIn(page, token, stack.base);
    const writeControls = async (where) => {
      const buttons = page.getByRole('button', { name: /edit|save|import|register|acknowledge|review/i });
      const n = await buttons.count();
      const forms = await page.locator('form, input[type=file]').count();
      check(n === 0 && forms === 0, `viewer: ${where} shows ${n} write buttons (${(await buttons.allTextContents()).join(', ')}) and ${forms} forms`);
    };

    await page.getByRole('link', { name: 'Registry', exact: true }).click();
    await page.getByText('Read only: this token may not change the registry.').waitFor({ timeout: 20_000 });
    await page.locator(`td[title="${vehicle}"]`).waitFor({ timeout: 20_000 });
    await writeControls('the registry');
    await audit('registry-viewer', page);

    await page.getByRole('link', { name: 'Safety inbox', exact: true }).click();
    await page.locator(`tr[data-event^="${review.tripId}:"]`).first().waitFor({ timeout: 20_000 });
    await writeControls('the inbox');
    await audit('inbox-viewer', page);

    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.locator('li[data-alert-id]').first().waitFor({ timeout: 20_000 });
    await writeControls('the alerts panel');

    // The gateway refuses what the page does not offer.
    const seq = review.trip.events[0].seq;
    const refused = {
      register: (await viewer('PUT', `/api/v1/vehicles/${vehicle}`, { name: 'x', vehicle_class: 'car', active: true })).status,
      review: (await viewer('POST', `/api/v1/trips/${review.tripId}/events/${seq}/review`, { status: 'reviewed' })).status,
      acknowledge: (await viewer('POST', `/api/v1/alerts/${(await viewer('GET', '/api/v1/alerts')).body.items[0]?.id}/acknowledge`)).status,
    };
    check(Object.values(refused).every((s) => s === 403), `viewer writes answered ${JSON.stringify(refused)}, expected 403`);
    check((await viewer('GET', `/api/v1/trips/${alerting.tripId}`)).status === 200, 'viewer cannot read a trip');
    log(`viewer: no write control on registry, inbox, alerts; writes refused ${JSON.stringify(refused)}`);
  } finally {
    await context.close();
  }
}
