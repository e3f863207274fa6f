package io.fleetflow.scoring;

import io.fleetflow.model.TripSamples;
import java.util.Arrays;

/**
 * Builds synthetic trips that read like prose: {@code trip(50, 60_000).cruising(50).braking(10_000,
 * 0.6, 1_500)}. Manoeuvres are plateaus with 100 ms linear ramps; they add to what is there.
 */
final class TripFixture {
    static final long RAMP_MS = 100;

    private final double rateHz;
    private final long[] t;
    private final double[] speed;
    private final double[] gLong;
    private final double[] gLat;
    private double[] gVert;

    private TripFixture(double rateHz, long durationMs) {
        this.rateHz = rateHz;
        int n = (int) (durationMs * rateHz / 1000) + 1;
        t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.round(i * 1000.0 / rateHz);
        }
        speed = new double[n];
        gLong = new double[n];
        gLat = new double[n];
    }

    static TripFixture trip(double rateHz, long durationMs) {
        return new TripFixture(rateHz, durationMs);
    }

    TripFixture cruising(double kmh) {
        Arrays.fill(speed, kmh);
        return this;
    }

    TripFixture speed(long fromMs, long toMs, double kmh) {
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= fromMs && t[i] < toMs) {
                speed[i] = kmh;
            }
        }
        return this;
    }

    /** Deceleration held at {@code peakG} (positive number) for {@code durationMs}. */
    TripFixture braking(long atMs, double peakG, long durationMs) {
        return plateau(gLong, atMs, -peakG, durationMs);
    }

    TripFixture accelerating(long atMs, double peakG, long durationMs) {
        return plateau(gLong, atMs, peakG, durationMs);
    }

    /** Speed made the integral of the longitudinal g so far, from {@code startKmh}: a GPS speed. */
    TripFixture speedFollowsLongitudinal(double startKmh) {
        speed[0] = startKmh;
        for (int i = 1; i < t.length; i++) {
            double dtS = (t[i] - t[i - 1]) / 1000.0;
            speed[i] = Math.max(0, speed[i - 1] + gLong[i - 1] * 9.80665 * 3.6 * dtS);
        }
        return this;
    }

    /**
     * The device turned by {@code degrees} about the vertical axis, counter-clockwise from above.
     */
    TripFixture mountedTurnedBy(double degrees) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        for (int i = 0; i < t.length; i++) {
            double l = gLong[i];
            double a = gLat[i];
            gLong[i] = l * cos + a * sin;
            gLat[i] = -l * sin + a * cos;
        }
        return this;
    }

    /**
     * A half-sine impulse of {@code peakG} lasting {@code durationMs}, pointing {@code degrees}
     * from straight ahead (180: from the front, as a collision); {@code andBack} adds the same push
     * the other way right after it, as a dropped device caught by its mount.
     */
    TripFixture impulse(long atMs, double peakG, long durationMs, double degrees, boolean andBack) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        for (int i = 0; i < t.length; i++) {
            double phase = (t[i] - atMs) / (double) durationMs;
            double v = 0;
            if (phase >= 0 && phase <= 1) {
                v = peakG * Math.sin(Math.PI * phase);
            } else if (andBack && phase > 1 && phase <= 2) {
                v = -peakG * Math.sin(Math.PI * (phase - 1));
            }
            gLong[i] += v * cos;
            gLat[i] += v * sin;
        }
        return this;
    }

    /** Lateral g, left positive. */
    TripFixture cornering(long atMs, double g, long durationMs) {
        return plateau(gLat, atMs, g, durationMs);
    }

    TripFixture longNoise(double amplitudeG, long seed) {
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < gLong.length; i++) {
            gLong[i] += (random.nextDouble() * 2 - 1) * amplitudeG;
            gLat[i] += (random.nextDouble() * 2 - 1) * amplitudeG;
        }
        return this;
    }

    private TripFixture plateau(double[] g, long atMs, double level, long durationMs) {
        long end = atMs + durationMs;
        for (int i = 0; i < t.length; i++) {
            double f;
            if (t[i] < atMs - RAMP_MS || t[i] > end + RAMP_MS) {
                continue;
            } else if (t[i] < atMs) {
                f = (t[i] - (atMs - RAMP_MS)) / (double) RAMP_MS;
            } else if (t[i] > end) {
                f = ((end + RAMP_MS) - t[i]) / (double) RAMP_MS;
            } else {
                f = 1;
            }
            g[i] += f * level;
        }
        return this;
    }

    /** A vertical half-sine of {@code peakG} (the device then sends {@code g_force_vert}). */
    TripFixture vertical(long atMs, double peakG, long durationMs) {
        if (gVert == null) {
            gVert = new double[t.length];
        }
        for (int i = 0; i < t.length; i++) {
            double phase = (t[i] - atMs) / (double) durationMs;
            if (phase >= 0 && phase <= 1) {
                gVert[i] += peakG * Math.sin(Math.PI * phase);
            }
        }
        return this;
    }

    /** With per-sample {@code t}. */
    TripSamples build() {
        return new TripSamples(
                t.clone(),
                rateHz,
                speed.clone(),
                gLong.clone(),
                gLat.clone(),
                gVert == null ? null : gVert.clone());
    }

    /** Without per-sample {@code t}: times come from the declared rate. */
    TripSamples buildWithRateOnly() {
        return new TripSamples(null, rateHz, speed.clone(), gLong.clone(), gLat.clone());
    }

    /** Every {@code k}-th sample, as a device at {@code rate / k} would have recorded it. */
    TripSamples decimated(int k) {
        int n = (t.length + k - 1) / k;
        long[] t2 = new long[n];
        double[] s2 = new double[n];
        double[] l2 = new double[n];
        double[] a2 = new double[n];
        for (int j = 0; j < n; j++) {
            t2[j] = t[j * k];
            s2[j] = speed[j * k];
            l2[j] = gLong[j * k];
            a2[j] = gLat[j * k];
        }
        return new TripSamples(t2, rateHz / k, s2, l2, a2);
    }
}
