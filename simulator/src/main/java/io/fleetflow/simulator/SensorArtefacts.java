package io.fleetflow.simulator;

import io.fleetflow.scoring.Signals;
import io.fleetflow.simulator.SimulatedTrip.PlantedEvent;
import io.fleetflow.simulator.SimulatedTrip.PlantedEvent.Kind;
import java.util.SplittableRandom;

/**
 * What real devices and real roads add to the driving a generated trip describes, each switchable,
 * none labelled: what a sound detector must not count, or must count once. Applied to a finished
 * trip; only {@link #turnMix} changes the vehicle's motion (and then its speed with it). See
 * docs/simulator.md for the reasons behind each range.
 *
 * <ul>
 *   <li><b>Rebound</b>: after a hard stop the car pitches back and a phone's gravity estimate lags,
 *       so a pulse of the opposite sign follows a braking (or launch) 0.3–1.5 s after it ends,
 *       lasting 0.8–2.0 s at 30–55 % of its peak: less energy than the manoeuvre.
 *   <li><b>Bumps</b>: potholes, joints, a touched device: 0.15–1.0 s pulses of 0.30–0.45 g of
 *       either sign, on the longitudinal axis (70 %) or the lateral one, at a Poisson rate.
 *   <li><b>Yaw misalignment</b>: a device mounted turned about the vertical axis sees the vehicle's
 *       horizontal acceleration rotated by that angle (phones and aftermarket dongles: 5–20° is
 *       common). Each trip draws its angle uniformly within ±{@code yawDeg}.
 *   <li><b>Lane changes</b>: an S of lateral acceleration (one way, then back), 2–4 s long,
 *       0.10–0.30 g, above 40 km/h: ordinary driving that must not count as cornering.
 *   <li><b>Road noise</b>: vibration from the road surface (low-passed noise, standard deviation
 *       {@code roadNoiseG}) and the engine (a 25–30 Hz tone of half that amplitude, which a 10 Hz
 *       device sees only through its anti-aliasing filter).
 *   <li><b>Dropped device</b>: a 30–80 ms push of 2–6 g one way and back (the device falls and is
 *       stopped by the mount or the floor): a spike with no change of velocity, not a crash.
 *   <li><b>Turn mix</b>: harsh turns taken with braking (20–50 % of the lateral peak, in the first
 *       half of the turn; the speed follows) and hard brakes in a bend (15–40 % lateral). The
 *       manoeuvre keeps its label: one manoeuvre of the dominant kind.
 * </ul>
 *
 * @param rebound whether braking and launches rebound
 * @param bumpsPerMinute bumps per minute of the trip
 * @param yawDeg largest mounting yaw error, degrees
 * @param laneChangesPerMinute ordinary lane changes per minute of the trip
 * @param roadNoiseG standard deviation of the road's vibration, g
 * @param dropsPerHour dropped-device spikes per hour of the trip
 * @param turnMix whether harsh turns brake and hard brakes turn
 */
public record SensorArtefacts(
        boolean rebound,
        double bumpsPerMinute,
        double yawDeg,
        double laneChangesPerMinute,
        double roadNoiseG,
        double dropsPerHour,
        boolean turnMix) {

    public static final SensorArtefacts NONE = new SensorArtefacts(false, 0, 0, 0, 0, 0, false);

    /** Every artefact on, at the levels docs/scoring.md evaluates with. */
    public static final SensorArtefacts ALL =
            new SensorArtefacts(true, 0.5, 15, 0.5, 0.03, 2, true);

    public SensorArtefacts {
        for (double rate : new double[] {bumpsPerMinute, laneChangesPerMinute, dropsPerHour}) {
            if (rate < 0 || !Double.isFinite(rate)) {
                throw new IllegalArgumentException("artefact rates must be >= 0: " + rate);
            }
        }
        if (!Double.isFinite(yawDeg) || Math.abs(yawDeg) > 180) {
            throw new IllegalArgumentException("yaw must be within ±180°: " + yawDeg);
        }
        if (!(roadNoiseG >= 0 && roadNoiseG <= 1)) {
            throw new IllegalArgumentException("road noise must be 0 to 1 g: " + roadNoiseG);
        }
    }

    /** The trip as the device would record it; the same {@code seed} gives the same artefacts. */
    public SimulatedTrip applyTo(SimulatedTrip trip, long seed) {
        if (equals(NONE)) {
            return trip;
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] gLong = trip.gLong().clone();
        float[] gLat = trip.gLat().clone();
        float[] speed = trip.speedKmh().clone();
        int rate = trip.sampleRateHz();
        double durationS = trip.durationSeconds();
        if (turnMix) {
            mixTurns(trip, random.split(), gLong, gLat, speed);
        }
        if (rebound) {
            addRebounds(trip, random.split(), gLong);
        }
        SplittableRandom bumps = random.split();
        for (double t = nextGap(bumps, bumpsPerMinute); t < durationS; ) {
            double lengthS = 0.15 + bumps.nextDouble() * 0.85;
            double peak = (0.30 + bumps.nextDouble() * 0.15) * (bumps.nextBoolean() ? 1 : -1);
            Pulses.halfSine(bumps.nextDouble() < 0.7 ? gLong : gLat, rate, t, lengthS, peak);
            t += lengthS + nextGap(bumps, bumpsPerMinute);
        }
        addLaneChanges(trip, random.split(), speed, gLat);
        SplittableRandom drops = random.split();
        for (double t = nextGap(drops, dropsPerHour / 60); t < durationS; ) {
            double lengthS = 0.03 + drops.nextDouble() * 0.05;
            double peak = 2 + drops.nextDouble() * 4;
            double direction = drops.nextDouble() * 2 * Math.PI;
            Pulses.fullSine(gLong, rate, t, lengthS, peak * Math.cos(direction));
            Pulses.fullSine(gLat, rate, t, lengthS, peak * Math.sin(direction));
            t += lengthS + nextGap(drops, dropsPerHour / 60);
        }
        if (roadNoiseG > 0) {
            RoadNoise.add(gLong, rate, roadNoiseG, random.split());
            RoadNoise.add(gLat, rate, roadNoiseG, random.split());
        }
        double yaw = yawDeg * (2 * random.nextDouble() - 1);
        if (yaw != 0) {
            rotate(gLong, gLat, yaw);
        }
        return new SimulatedTrip(
                trip.vehicleId(),
                trip.driverId(),
                trip.style(),
                trip.startedAt(),
                rate,
                speed,
                gLong,
                gLat,
                trip.plantedEvents());
    }

    private static void mixTurns(
            SimulatedTrip trip,
            SplittableRandom random,
            float[] gLong,
            float[] gLat,
            float[] speed) {
        int rate = trip.sampleRateHz();
        for (PlantedEvent e : trip.plantedEvents()) {
            double startS = e.startMs() / 1000.0;
            double lengthS = (e.endMs() - e.startMs()) / 1000.0;
            if (e.kind() == Kind.HARSH_CORNERING) {
                double brakeG = e.peakG() * (0.2 + random.nextDouble() * 0.3);
                double brakeS = lengthS * 0.6;
                Pulses.halfSine(gLong, rate, startS, brakeS, -brakeG);
                slowDown(speed, rate, startS, brakeS, brakeG);
            } else if (e.kind() == Kind.HARSH_BRAKING) {
                double side = e.peakG() * (0.15 + random.nextDouble() * 0.25);
                Pulses.halfSine(gLat, rate, startS, lengthS, random.nextBoolean() ? side : -side);
            }
        }
    }

    /** The speed loss of a half-sine braking pulse, from its start on. */
    private static void slowDown(
            float[] speed, int rate, double startS, double lengthS, double peakG) {
        double lossKmh = peakG * lengthS * 2 / Math.PI * Signals.KMH_PER_G_SECOND;
        for (int i = (int) Math.floor(startS * rate); i < speed.length; i++) {
            double t = i / (double) rate - startS;
            double done = t >= lengthS ? 1 : (1 - Math.cos(Math.PI * Math.max(0, t) / lengthS)) / 2;
            speed[i] = (float) Math.max(0, speed[i] - lossKmh * done);
        }
    }

    private static void addRebounds(SimulatedTrip trip, SplittableRandom random, float[] gLong) {
        for (PlantedEvent e : trip.plantedEvents()) {
            if (e.kind() != Kind.HARSH_BRAKING && e.kind() != Kind.RAPID_ACCELERATION) {
                continue;
            }
            double sign = e.kind() == Kind.HARSH_BRAKING ? 1 : -1;
            double startS = e.endMs() / 1000.0 + 0.3 + random.nextDouble() * 1.2;
            double lengthS = 0.8 + random.nextDouble() * 1.2;
            double peak = e.peakG() * (0.30 + random.nextDouble() * 0.25);
            Pulses.halfSine(gLong, trip.sampleRateHz(), startS, lengthS, sign * peak);
        }
    }

    private void addLaneChanges(
            SimulatedTrip trip, SplittableRandom random, float[] speed, float[] gLat) {
        int rate = trip.sampleRateHz();
        double durationS = trip.durationSeconds();
        for (double t = nextGap(random, laneChangesPerMinute); t < durationS; ) {
            double lengthS = 2 + random.nextDouble() * 2;
            double peak = (0.10 + random.nextDouble() * 0.20) * (random.nextBoolean() ? 1 : -1);
            int i = (int) (t * rate);
            if (i < speed.length && speed[i] >= 40 && clearOfPlanted(trip, t, lengthS)) {
                Pulses.fullSine(gLat, rate, t, lengthS, peak);
            }
            t += lengthS + nextGap(random, laneChangesPerMinute);
        }
    }

    private static boolean clearOfPlanted(SimulatedTrip trip, double startS, double lengthS) {
        for (PlantedEvent e : trip.plantedEvents()) {
            if (startS * 1000 < e.endMs() + 2_000
                    && (startS + lengthS) * 1000 > e.startMs() - 2_000) {
                return false;
            }
        }
        return true;
    }

    /** Turns the horizontal plane by {@code degrees}, counter-clockwise seen from above. */
    private static void rotate(float[] gLong, float[] gLat, double degrees) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        for (int i = 0; i < gLong.length; i++) {
            double longitudinal = gLong[i];
            double lateral = gLat[i];
            gLong[i] = (float) (longitudinal * cos + lateral * sin);
            gLat[i] = (float) (-longitudinal * sin + lateral * cos);
        }
    }

    /** Seconds to the next occurrence at {@code perMinute}: exponential; never when 0. */
    private static double nextGap(SplittableRandom random, double perMinute) {
        if (perMinute <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return -Math.log(1.0 - random.nextDouble()) * 60.0 / perMinute;
    }
}
