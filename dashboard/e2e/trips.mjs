// Trip bodies with manoeuvres any scorer must notice: braking and acceleration runs well beyond
// 0.4 g, a sharp corner, a stretch of speeding; and a long calm trip with events in it. The speed
// follows the braking and acceleration (a 0.65 g brake held 1.2 s takes 27 km/h off), as a GPS
// speed does: the model doubts a manoeuvre the reported speed does not show.

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * @param samples number of 10 Hz samples
 * @param manoeuvres [{at, kind, g}] sample index, one of braking|accel|corner|speeding, and for
 *     the g-force kinds an optional peak in g (braking 0.65, accel 0.55, corner 0.6 by default:
 *     for a car, a 0.65 g brake is SEVERE and raises an alert, a 0.5 g one is HARSH, docs/scoring.md)
 */
export function tripBody({ vehicleId, driverId, samples, manoeuvres, seed = 1 }) {
  const random = rng(seed);
  const speed = new Float64Array(samples);
  const gLong = new Float64Array(samples);
  const gLat = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    speed[i] = 80 + 8 * Math.sin(i / 600) + (random() - 0.5);
    gLong[i] = (random() - 0.5) * 0.1;
    gLat[i] = (random() - 0.5) * 0.08;
  }
  const kmhPerSample = 9.80665 * 3.6 * 0.1; // km/h gained per sample at 1 g, 10 Hz
  const change = new Float64Array(samples);
  for (const { at, kind, g } of manoeuvres) {
    const len = kind === 'speeding' ? 400 : 12;
    for (let i = at; i < Math.min(samples, at + len); i++) {
      if (kind === 'braking') gLong[i] = -(g ?? 0.65);
      if (kind === 'accel') gLong[i] = g ?? 0.55;
      if (kind === 'corner') gLat[i] = g ?? 0.6;
      if (kind === 'braking' || kind === 'accel') change[i] = gLong[i] * kmhPerSample;
    }
  }
  let gained = 0;
  for (let i = 0; i < samples; i++) {
    gained += change[i];
    speed[i] = Math.max(0, speed[i] + gained);
  }
  for (const { at, kind } of manoeuvres) {
    if (kind !== 'speeding') continue;
    for (let i = at; i < Math.min(samples, at + 400); i++) speed[i] = 145;
  }
  const startedAt = new Date(Date.now() - (samples / 10) * 1000 - 60_000);
  const data = [];
  for (let i = 0; i < samples; i++) {
    data.push(
      `{"speed_kmh":${speed[i].toFixed(2)},"g_force_long":${gLong[i].toFixed(3)},"g_force_lat":${gLat[i].toFixed(3)}}`,
    );
  }
  return (
    `{"vehicle_id":"${vehicleId}","driver_id":"${driverId}","timestamp":"${startedAt.toISOString()}",` +
    `"sample_rate_hz":10,"data":[${data.join(',')}]}`
  );
}
