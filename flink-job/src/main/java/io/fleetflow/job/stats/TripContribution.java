package io.fleetflow.job.stats;

import io.fleetflow.job.score.ScoredTrip;

/** What one scored trip adds to its driver's statistics. A Flink POJO kept in keyed state. */
public class TripContribution {
    /** The trip's start, epoch ms: its place in the rolling window. */
    public long startedAtMs;

    public double distanceKm;
    public double durationS;
    public int safetyScore;
    public int harshBrakingCount;
    public int rapidAccelCount;
    public int harshCorneringCount;
    public int speedingCount;

    /** CRASH events, minor and major; counted, not a rate per distance. */
    public int crashCount;

    public TripContribution() {}

    public static TripContribution of(ScoredTrip trip) {
        TripContribution c = new TripContribution();
        c.startedAtMs = trip.startedAtMs;
        c.distanceKm = trip.distanceKm;
        c.durationS = trip.durationS;
        c.safetyScore = trip.safetyScore;
        c.harshBrakingCount = trip.harshBrakingCount;
        c.rapidAccelCount = trip.rapidAccelCount;
        c.harshCorneringCount = trip.harshCorneringCount;
        c.speedingCount = trip.speedingCount;
        c.crashCount = trip.crashCount;
        return c;
    }
}
