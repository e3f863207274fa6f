package io.fleetflow.scoring;

/**
 * The result of scoring one trip.
 *
 * @param safetyScore 0 (worst) to 100 (best)
 * @param harshBrakingCount harsh braking events (manoeuvres, not samples)
 * @param rapidAccelCount rapid acceleration events
 * @param scoringVersion the {@link TripScorer#version()} that produced it
 */
public record TripScore(
        int safetyScore, int harshBrakingCount, int rapidAccelCount, String scoringVersion) {

    public TripScore {
        if (safetyScore < 0 || safetyScore > 100) {
            throw new IllegalArgumentException("safetyScore must be in 0..100: " + safetyScore);
        }
        if (harshBrakingCount < 0 || rapidAccelCount < 0) {
            throw new IllegalArgumentException("event counts must not be negative");
        }
    }
}
