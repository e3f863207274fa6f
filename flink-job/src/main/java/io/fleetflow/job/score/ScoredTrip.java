package io.fleetflow.job.score;

import io.fleetflow.scoring.CrashImpact;
import io.fleetflow.scoring.DrivingEvent;
import io.fleetflow.scoring.TripScore;
import java.util.Arrays;
import java.util.Objects;

/**
 * One trip's score, metrics and events, ready for {@code telemetry.driver_scores}. A Flink POJO.
 */
public class ScoredTrip {
    public String tripId;
    public String driverId;
    public String vehicleId;

    /** The trip's start ({@code trip_logs.started_at}), epoch ms. */
    public long startedAtMs;

    public int safetyScore;
    public int harshBrakingCount;
    public int rapidAccelCount;
    public int harshCorneringCount;
    public int speedingCount;
    public double speedingSeconds;
    public double distanceKm;
    public double durationS;
    public double movingS;
    public double maxSpeedKmh;
    public double avgSpeedKmh;

    /** CRASH events, minor and major; not part of the driver statistics (yet). */
    public int crashCount;

    /** The device's estimated mounting yaw in degrees, or {@code null} when not estimated. */
    public Double mountYawDeg;

    /** Whether the sample rate allowed looking for crashes. */
    public boolean crashDetection;

    public String scoringVersion;

    /** In trip order; an array rather than a list so Flink serializes it without Kryo. */
    public TripEventRecord[] events = new TripEventRecord[0];

    public ScoredTrip() {}

    public static ScoredTrip of(
            String tripId, String driverId, String vehicleId, long startedAtMs, TripScore score) {
        ScoredTrip s = new ScoredTrip();
        s.tripId = tripId;
        s.driverId = driverId;
        s.vehicleId = vehicleId;
        s.startedAtMs = startedAtMs;
        s.safetyScore = score.safetyScore();
        s.harshBrakingCount = score.harshBrakingCount();
        s.rapidAccelCount = score.rapidAccelCount();
        s.harshCorneringCount = score.harshCorneringCount();
        s.speedingCount = score.speedingCount();
        s.speedingSeconds = score.speedingSeconds();
        s.distanceKm = score.metrics().distanceKm();
        s.durationS = score.metrics().durationS();
        s.movingS = score.metrics().movingS();
        s.maxSpeedKmh = score.metrics().maxSpeedKmh();
        s.avgSpeedKmh = score.metrics().avgSpeedKmh();
        s.crashCount = score.crashCount();
        s.mountYawDeg = score.sensing().mountYawDeg();
        s.crashDetection = score.sensing().crashDetection();
        s.scoringVersion = score.scoringVersion();
        s.events = score.events().stream().map(ScoredTrip::record).toArray(TripEventRecord[]::new);
        return s;
    }

    private static TripEventRecord record(DrivingEvent e) {
        CrashImpact impact = e.impact();
        if (impact == null) {
            return new TripEventRecord(
                    e.type().name(), e.startMs(), e.endMs(), e.peak(), e.severity().name());
        }
        return new TripEventRecord(
                e.type().name(),
                e.startMs(),
                e.endMs(),
                impact.peakG(),
                e.severity().name(),
                impact.deltaVKmh(),
                impact.speedBeforeKmh(),
                impact.speedAfterKmh());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScoredTrip s)) {
            return false;
        }
        return startedAtMs == s.startedAtMs
                && safetyScore == s.safetyScore
                && harshBrakingCount == s.harshBrakingCount
                && rapidAccelCount == s.rapidAccelCount
                && harshCorneringCount == s.harshCorneringCount
                && speedingCount == s.speedingCount
                && crashCount == s.crashCount
                && crashDetection == s.crashDetection
                && Objects.equals(mountYawDeg, s.mountYawDeg)
                && Double.compare(speedingSeconds, s.speedingSeconds) == 0
                && Double.compare(distanceKm, s.distanceKm) == 0
                && Double.compare(durationS, s.durationS) == 0
                && Double.compare(movingS, s.movingS) == 0
                && Double.compare(maxSpeedKmh, s.maxSpeedKmh) == 0
                && Double.compare(avgSpeedKmh, s.avgSpeedKmh) == 0
                && Objects.equals(tripId, s.tripId)
                && Objects.equals(driverId, s.driverId)
                && Objects.equals(vehicleId, s.vehicleId)
                && Objects.equals(scoringVersion, s.scoringVersion)
                && Arrays.equals(events, s.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                tripId, safetyScore, harshBrakingCount, rapidAccelCount, harshCorneringCount);
    }

    @Override
    public String toString() {
        return "ScoredTrip{"
                + tripId
                + ", score="
                + safetyScore
                + ", braking="
                + harshBrakingCount
                + ", accel="
                + rapidAccelCount
                + ", cornering="
                + harshCorneringCount
                + ", speeding="
                + speedingCount
                + ", crashes="
                + crashCount
                + ", km="
                + distanceKm
                + ", events="
                + events.length
                + "}";
    }
}
