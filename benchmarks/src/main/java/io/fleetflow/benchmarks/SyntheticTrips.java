package io.fleetflow.benchmarks;

import io.fleetflow.model.TripSamples;
import java.util.Random;

/**
 * A reproducible phone-like trip for benchmarks: 50 Hz, speed between 0 and 130 km/h, g channels
 * with ±0.05 g of noise, a braking, acceleration or cornering manoeuvre every 10 s, and every value
 * rounded to four decimals as real devices send them.
 */
final class SyntheticTrips {
    static final double RATE_HZ = 50;

    private SyntheticTrips() {}

    static TripSamples trip(int samples, long seed) {
        Random random = new Random(seed);
        long[] t = new long[samples];
        double[] speed = new double[samples];
        double[] gLong = new double[samples];
        double[] gLat = new double[samples];
        for (int i = 0; i < samples; i++) {
            t[i] = Math.round(i * 1000 / RATE_HZ);
            double s = i / RATE_HZ;
            speed[i] = round4(65 + 65 * Math.sin(s / 120));
            double manoeuvre = manoeuvre(s);
            int kind = (int) (s / 10) % 3;
            gLong[i] =
                    round4(
                            (kind == 0 ? -manoeuvre : kind == 1 ? manoeuvre * 0.8 : 0)
                                    + noise(random));
            gLat[i] = round4((kind == 2 ? manoeuvre : 0) + noise(random));
        }
        return new TripSamples(t, RATE_HZ, speed, gLong, gLat);
    }

    /** A 1.5 s half-sine of 0.5 g at the start of every 10 s slot. */
    private static double manoeuvre(double s) {
        double inSlot = s % 10;
        return inSlot < 1.5 ? 0.5 * Math.sin(Math.PI * inSlot / 1.5) : 0;
    }

    private static double noise(Random random) {
        return (random.nextDouble() * 2 - 1) * 0.05;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
