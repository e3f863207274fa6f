package io.fleetflow.job.stats;

import java.time.Duration;

/** The arithmetic of the rolling driver statistics; no Flink, no I/O. */
public final class DriverStatsCalculator {

    private DriverStatsCalculator() {}

    /**
     * Whether a trip that started at {@code startedAtMs} lies in the window of {@code windowDays}
     * that ends at the driver's latest trip start (the window is open at its old end).
     */
    public static boolean inWindow(long startedAtMs, long latestStartMs, int windowDays) {
        return startedAtMs > latestStartMs - Duration.ofDays(windowDays).toMillis();
    }

    /** The driver's statistics from the sums over the trips in the window. */
    public static DriverStats summarize(
            String driverId, WindowSums sums, int windowDays, long latestStartMs) {
        DriverStats s = new DriverStats();
        s.driverId = driverId;
        s.windowDays = windowDays;
        s.lastTripStartedAtMs = latestStartMs;
        s.trips = sums.trips;
        s.distanceKm = sums.distanceKm;
        s.durationS = sums.durationS;
        s.harshBrakingCount = sums.harshBrakingCount;
        s.rapidAccelCount = sums.rapidAccelCount;
        s.harshCorneringCount = sums.harshCorneringCount;
        s.speedingCount = sums.speedingCount;
        s.crashCount = sums.crashCount;
        s.harshBrakingPer100Km = per100Km(s.harshBrakingCount, s.distanceKm);
        s.rapidAccelPer100Km = per100Km(s.rapidAccelCount, s.distanceKm);
        s.harshCorneringPer100Km = per100Km(s.harshCorneringCount, s.distanceKm);
        s.speedingPer100Km = per100Km(s.speedingCount, s.distanceKm);
        double score;
        if (s.distanceKm > 0) {
            score = sums.weightedScore / s.distanceKm;
        } else {
            score = s.trips == 0 ? 100 : (double) sums.scoreSum / s.trips;
        }
        s.rollingScore = (int) Math.max(0, Math.min(100, Math.round(score)));
        return s;
    }

    static double per100Km(long count, double distanceKm) {
        return distanceKm > 0 ? count * 100.0 / distanceKm : 0;
    }
}
