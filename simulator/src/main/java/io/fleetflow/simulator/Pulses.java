package io.fleetflow.simulator;

import java.util.function.DoubleUnaryOperator;

/**
 * Adds shapes of acceleration to a sampled channel the way an accelerometer with an anti-aliasing
 * filter records them: each sample is the mean of the shape over the sample's period, so a 30 ms
 * spike sampled at 10 Hz shows as a third of its height, as on a real device.
 */
final class Pulses {

    /** Points per sample period at which a shape is averaged. */
    private static final int SUB_STEPS = 16;

    private Pulses() {}

    /** Adds a half-sine pulse of {@code peakG} from {@code startS} lasting {@code lengthS}. */
    static void halfSine(float[] g, int rate, double startS, double lengthS, double peakG) {
        add(g, rate, startS, lengthS, t -> peakG * Math.sin(Math.PI * t / lengthS));
    }

    /**
     * Adds a full sine period: a push one way then the same the other way, which leaves the
     * velocity unchanged (a lane change, a dropped device caught again).
     */
    static void fullSine(float[] g, int rate, double startS, double lengthS, double peakG) {
        add(g, rate, startS, lengthS, t -> peakG * Math.sin(2 * Math.PI * t / lengthS));
    }

    /**
     * Adds {@code shape(t)}, t in s since {@code startS}, over {@code [startS, startS + lengthS]}.
     */
    static void add(float[] g, int rate, double startS, double lengthS, DoubleUnaryOperator shape) {
        double period = 1.0 / rate;
        // Sample i is the mean over ((i - 1) × period, i × period], as TripGenerator records it.
        int from = Math.max(0, (int) Math.floor(startS * rate));
        int to = Math.min(g.length - 1, (int) Math.ceil((startS + lengthS) * rate) + 1);
        for (int i = from; i <= to; i++) {
            double sum = 0;
            for (int k = 0; k < SUB_STEPS; k++) {
                double t = (i - 1 + (k + 0.5) / SUB_STEPS) * period - startS;
                if (t >= 0 && t <= lengthS) {
                    sum += shape.applyAsDouble(t);
                }
            }
            g[i] += (float) (sum / SUB_STEPS);
        }
    }
}
