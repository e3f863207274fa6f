package io.fleetflow.job.failure;

import java.util.Objects;

/** A trip that cannot be scored, and why; it ends {@code FAILED} with this reason. A Flink POJO. */
public class TripFailure {
    public String tripId;
    public String reason;

    public TripFailure() {}

    public TripFailure(String tripId, String reason) {
        this.tripId = tripId;
        this.reason = reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TripFailure f
                && Objects.equals(tripId, f.tripId)
                && Objects.equals(reason, f.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tripId, reason);
    }

    @Override
    public String toString() {
        return "TripFailure{" + tripId + ": " + reason + "}";
    }
}
