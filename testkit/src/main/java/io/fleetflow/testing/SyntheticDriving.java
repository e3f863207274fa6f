package io.fleetflow.testing;

import io.fleetflow.model.TripSamples;
import java.util.Random;

/** Trips of any length for benchmarks, the same for the same seed. */
public final class SyntheticDriving {

    private SyntheticDriving() {}

    /** 10 Hz driving: a speed random walk, calm g-forces with an occasional hard manoeuvre. */
    public static TripSamples samples(Random r, int n) {
        double[] speed = new double[n];
        double[] gLong = new double[n];
        double[] gLat = new double[n];
        double v = 40;
        for (int i = 0; i < n; i++) {
            v = Math.max(0, Math.min(130, v + r.nextGaussian()));
            speed[i] = Math.round(v * 100) / 100.0;
            boolean manoeuvre = i % 600 >= 590;
            gLong[i] = Math.round((manoeuvre ? -0.6 : r.nextGaussian() * 0.08) * 1e4) / 1e4;
            gLat[i] = Math.round(r.nextGaussian() * 0.05 * 1e4) / 1e4;
        }
        return new TripSamples(null, 10.0, speed, gLong, gLat);
    }
}
