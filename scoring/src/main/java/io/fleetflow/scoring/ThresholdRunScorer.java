package io.fleetflow.scoring;

import io.fleetflow.model.EventType;
import io.fleetflow.model.Severity;
import io.fleetflow.model.TripSamples;
import java.util.ArrayList;
import java.util.List;

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
        List<DrivingEvent> events = new ArrayList<>();
        int braking = 0;
        int accel = 0;
        int runStart = -1;
        int runSign = 0;
        double runPeak = 0;
        for (int i = 0; i <= g.length; i++) {
            int sign = i == g.length ? 0 : g[i] < -thresholdG ? -1 : g[i] > thresholdG ? 1 : 0;
            if (sign != runSign && runSign != 0) {
                events.add(
                        new DrivingEvent(
                                runSign < 0
                                        ? EventType.HARSH_BRAKING
                                        : EventType.RAPID_ACCELERATION,
                                samples.timeMs(runStart),
                                samples.timeMs(i - 1),
                                runPeak,
                                Severity.HARSH));
                if (runSign < 0) {
                    braking++;
                } else {
                    accel++;
                }
            }
            if (sign != runSign) {
                runStart = i;
                runPeak = 0;
                runSign = sign;
            }
            if (sign != 0) {
                runPeak = Math.max(runPeak, Math.abs(g[i]));
            }
        }
        int score = Math.max(0, 100 - penalty * (braking + accel));
        return new TripScore(
                score,
                braking,
                accel,
                0,
                0,
                0,
                0,
                TripMetrics.of(samples),
                TripSensing.NONE,
                events,
                version());
    }

    @Override
    public String version() {
        return "threshold-runs-1(g=" + thresholdG + ",penalty=" + penalty + ")";
    }
}
