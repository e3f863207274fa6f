package io.fleetflow.scoring;

import java.util.List;
import java.util.Objects;

/**
 * The result of scoring one trip: the score, the event counts by type, the exposure metrics and
 * every event, so the score can be explained event by event.
 *
 * @param safetyScore 0 (worst) to 100 (best)
 * @param crashCount CRASH events, minor and major
 * @param speedingSeconds total time above the speed limit, in s
 * @param sensing the mount estimate and whether crashes could be looked for
 * @param scoringVersion the {@link TripScorer#version()} that produced it
 */
public record TripScore(
        int safetyScore,
        int harshBrakingCount,
        int rapidAccelCount,
        int harshCorneringCount,
        int speedingCount,
        int crashCount,
        double speedingSeconds,
        TripMetrics metrics,
        TripSensing sensing,
        List<DrivingEvent> events,
        String scoringVersion) {

    public TripScore {
        if (safetyScore < 0 || safetyScore > 100) {
            throw new IllegalArgumentException("safetyScore must be in 0..100: " + safetyScore);
        }
        if (harshBrakingCount < 0
                || rapidAccelCount < 0
                || harshCorneringCount < 0
                || speedingCount < 0
                || crashCount < 0) {
            throw new IllegalArgumentException("event counts must not be negative");
        }
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(sensing, "sensing");
        events = List.copyOf(events);
        Objects.requireNonNull(scoringVersion, "scoringVersion");
    }
}
