package io.fleetflow.job.stats;

/**
 * A driver's rolling statistics over the trips that started in the window, as {@code
 * telemetry.driver_stats} stores them. A Flink POJO.
 */
public class DriverStats {
    public String driverId;
    public long trips;
    public double distanceKm;
    public double durationS;
    public long harshBrakingCount;
    public long rapidAccelCount;
    public long harshCorneringCount;
    public long speedingCount;

    /** CRASH events in the window (a count: crashes are too rare for a rate per 100 km). */
    public long crashCount;

    public double harshBrakingPer100Km;
    public double rapidAccelPer100Km;
    public double harshCorneringPer100Km;
    public double speedingPer100Km;

    /** Distance-weighted mean of the trips' safety scores (plain mean when no distance), 0–100. */
    public int rollingScore;

    public int windowDays;

    /** Start of the driver's latest trip, epoch ms: the window ends here. */
    public long lastTripStartedAtMs;

    public DriverStats() {}

    @Override
    public String toString() {
        return "DriverStats{"
                + driverId
                + ", trips="
                + trips
                + ", km="
                + distanceKm
                + ", score="
                + rollingScore
                + "}";
    }
}
