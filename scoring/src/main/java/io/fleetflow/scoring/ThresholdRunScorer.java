package io.fleetflow.scoring;

import io.fleetflow.model.TripSamples;

/**
 * The first scoring rule: a harsh braking event is a maximal run of consecutive samples with {@code
 * g_force_long} below {@code -threshold}, a rapid acceleration event one above {@code +threshold};
 * each event costs {@code penalty} points from 100.
 */
public final class ThresholdRunScorer implements TripScorer {

    /** Magnitude of longitudinal g beyond which a sample is part of an event. In g. */
    public static final double DEFAULT_THRESHOLD_G = 0.4;

    /** Points taken from 100 per event. */
    public static final int DEFAULT_PENALTY = 5;

    private final double thresholdG;
    private final int penalty;

    public ThresholdRunScorer() {
        this(DEFAULT_THRESHOLD_G, DEFAULT_PENALTY);
    }

    public ThresholdRunScorer(double thresholdG, int penalty) {
        if (!(thresholdG > 0) || penalty < 0) {
            throw new IllegalArgumentException(
                    "threshold must be positive and penalty not negative");
        }
        this.thresholdG = thresholdG;
        this.penalty = penalty;
    }

    @Override
    public TripScore score(TripSamples samples) {
        double[] g = samples.gForceLong();
        int braking = 0;
        int accel = 0;
        boolean inBraking = false;
        boolean inAccel = false;
        for (double v : g) {
            boolean brakingNow = v < -thresholdG;
            boolean accelNow = v > thresholdG;
            if (brakingNow && !inBraking) {
                braking++;
            }
            if (accelNow && !inAccel) {
                accel++;
            }
            inBraking = brakingNow;
            inAccel = accelNow;
        }
        int score = Math.max(0, 100 - penalty * (braking + accel));
        return new TripScore(score, braking, accel, version());
    }

    @Override
    public String version() {
        return "threshold-runs-1(g=" + thresholdG + ",penalty=" + penalty + ")";
    }
}
