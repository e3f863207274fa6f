package io.fleetflow.job.stats;

/**
 * Sums over a set of trips' contributions: what a driver's statistics are computed from. A Flink
 * POJO kept in keyed state (inside {@link TripDay}).
 */
public class WindowSums {
    public long trips;
    public double distanceKm;
    public double durationS;
    public long harshBrakingCount;
    public long rapidAccelCount;
    public long harshCorneringCount;
    public long speedingCount;
    public long crashCount;

    /** Sum of safety score × distance: the numerator of the distance-weighted score. */
    public double weightedScore;

    public long scoreSum;

    public WindowSums() {}

    /** The sums over {@code trips}. */
    public static WindowSums of(Iterable<TripContribution> trips) {
        WindowSums sums = new WindowSums();
        for (TripContribution t : trips) {
            sums.add(t);
        }
        return sums;
    }

    public void add(TripContribution t) {
        trips++;
        distanceKm += t.distanceKm;
        durationS += t.durationS;
        harshBrakingCount += t.harshBrakingCount;
        rapidAccelCount += t.rapidAccelCount;
        harshCorneringCount += t.harshCorneringCount;
        speedingCount += t.speedingCount;
        crashCount += t.crashCount;
        weightedScore += t.safetyScore * t.distanceKm;
        scoreSum += t.safetyScore;
    }

    public void add(WindowSums s) {
        trips += s.trips;
        distanceKm += s.distanceKm;
        durationS += s.durationS;
        harshBrakingCount += s.harshBrakingCount;
        rapidAccelCount += s.rapidAccelCount;
        harshCorneringCount += s.harshCorneringCount;
        speedingCount += s.speedingCount;
        crashCount += s.crashCount;
        weightedScore += s.weightedScore;
        scoreSum += s.scoreSum;
    }
}
