package io.fleetflow.simulator;

import io.fleetflow.simulator.SimulatedTrip.PlantedEvent;
import java.util.SplittableRandom;

/**
 * What real devices add to the driving a generated trip describes, each switchable, none labelled:
 * what a sound detector must not count. Applied to a finished trip (the vehicle's motion stays as
 * generated; only what the device records changes).
 *
 * <ul>
 *   <li><b>Rebound</b>: after a hard stop the car pitches back and a phone's gravity estimate lags,
 *       so a pulse of the opposite sign follows a braking (or launch) 0.3–1.0 s after it ends,
 *       lasting 0.6–1.2 s at 35–60 % of its peak: less energy than the manoeuvre.
 *   <li><b>Bumps</b>: potholes, joints, a touched phone: 0.15–0.6 s pulses of 0.30–0.45 g of either
 *       sign on the longitudinal axis, at a Poisson rate. In g.
 *   <li><b>Yaw misalignment</b>: a device mounted turned by {@code yawDeg} about the vertical axis
 *       sees the vehicle's horizontal acceleration rotated by that angle (phones and aftermarket
 *       dongles: 5–20° is common). In degrees, positive counter-clockwise seen from above.
 * </ul>
 *
 * @param rebound whether braking and launches rebound
 * @param bumpsPerMinute bumps per minute of the trip
 * @param yawDeg mounting yaw error, degrees
 */
public record SensorArtefacts(boolean rebound, double bumpsPerMinute, double yawDeg) {

    public static final SensorArtefacts NONE = new SensorArtefacts(false, 0, 0);

    public SensorArtefacts {
        if (bumpsPerMinute < 0 || !Double.isFinite(bumpsPerMinute)) {
            throw new IllegalArgumentException("bumps per minute must be >= 0: " + bumpsPerMinute);
        }
        if (!Double.isFinite(yawDeg) || Math.abs(yawDeg) > 180) {
            throw new IllegalArgumentException("yaw must be within ±180°: " + yawDeg);
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
        int rate = trip.sampleRateHz();
        if (rebound) {
            for (PlantedEvent e : trip.plantedEvents()) {
                if (e.kind() == PlantedEvent.Kind.HARSH_CORNERING) {
                    continue;
                }
                double sign = e.kind() == PlantedEvent.Kind.HARSH_BRAKING ? 1 : -1;
                double startS = e.endMs() / 1000.0 + 0.3 + random.nextDouble() * 0.7;
                double lengthS = 0.6 + random.nextDouble() * 0.6;
                double peak = e.peakG() * (0.35 + random.nextDouble() * 0.25);
                addPulse(gLong, rate, startS, lengthS, sign * peak);
            }
        }
        if (bumpsPerMinute > 0) {
            double durationS = trip.durationSeconds();
            double t = nextGap(random);
            while (t < durationS) {
                double lengthS = 0.15 + random.nextDouble() * 0.45;
                double peak = (0.30 + random.nextDouble() * 0.15) * (random.nextBoolean() ? 1 : -1);
                addPulse(gLong, rate, t, lengthS, peak);
                t += lengthS + nextGap(random);
            }
        }
        if (yawDeg != 0) {
            double cos = Math.cos(Math.toRadians(yawDeg));
            double sin = Math.sin(Math.toRadians(yawDeg));
            for (int i = 0; i < gLong.length; i++) {
                double longitudinal = gLong[i];
                double lateral = gLat[i];
                gLong[i] = (float) (longitudinal * cos + lateral * sin);
                gLat[i] = (float) (-longitudinal * sin + lateral * cos);
            }
        }
        return new SimulatedTrip(
                trip.vehicleId(),
                trip.driverId(),
                trip.style(),
                trip.startedAt(),
                rate,
                trip.speedKmh(),
                gLong,
                gLat,
                trip.plantedEvents());
    }

    /** Seconds to the next bump: exponential with this rate. */
    private double nextGap(SplittableRandom random) {
        return -Math.log(1.0 - random.nextDouble()) * 60.0 / bumpsPerMinute;
    }

    /** Adds a half-sine pulse of {@code peakG} from {@code startS} lasting {@code lengthS}. */
    private static void addPulse(float[] g, int rate, double startS, double lengthS, double peakG) {
        int from = (int) Math.ceil(startS * rate);
        int to = (int) Math.floor((startS + lengthS) * rate);
        for (int i = Math.max(0, from); i <= to && i < g.length; i++) {
            double phase = (i / (double) rate - startS) / lengthS;
            g[i] += (float) (peakG * Math.sin(Math.PI * phase));
        }
    }
}
