package io.fleetflow.job.scoring;

import java.util.Objects;

/** One trip's score, ready for {@code telemetry.driver_scores}. A Flink POJO. */
public class ScoredTrip {
    public String tripId;
    public String driverId;
    public String vehicleId;
    public int safetyScore;
    public int harshBrakingCount;
    public int rapidAccelCount;
    public String scoringVersion;

    public ScoredTrip() {}

    public ScoredTrip(
            String tripId,
            String driverId,
            String vehicleId,
            int safetyScore,
            int harshBrakingCount,
            int rapidAccelCount,
            String scoringVersion) {
        this.tripId = tripId;
        this.driverId = driverId;
        this.vehicleId = vehicleId;
        this.safetyScore = safetyScore;
        this.harshBrakingCount = harshBrakingCount;
        this.rapidAccelCount = rapidAccelCount;
        this.scoringVersion = scoringVersion;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScoredTrip s)) {
            return false;
        }
        return safetyScore == s.safetyScore
                && harshBrakingCount == s.harshBrakingCount
                && rapidAccelCount == s.rapidAccelCount
                && Objects.equals(tripId, s.tripId)
                && Objects.equals(driverId, s.driverId)
                && Objects.equals(vehicleId, s.vehicleId)
                && Objects.equals(scoringVersion, s.scoringVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tripId, safetyScore, harshBrakingCount, rapidAccelCount);
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
                + "}";
    }
}
