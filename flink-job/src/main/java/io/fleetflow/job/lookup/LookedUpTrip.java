package io.fleetflow.job.lookup;

/**
 * A trip id after the database lookup: the trip's identity and stored blob, or the reason it cannot
 * be scored. A Flink POJO.
 */
public class LookedUpTrip {
    /** The trip's id; {@code null} when the message named no trip that exists. */
    public String tripId;

    public String driverId;
    public String vehicleId;

    /** The trip's {@code started_at}, epoch ms. */
    public long startedAtMs;

    /** The {@code telemetry_blob} as text; {@code null} when the lookup failed. */
    public String blob;

    /** Why the trip cannot be scored; {@code null} when it can. */
    public String failureReason;

    public LookedUpTrip() {}

    public static LookedUpTrip found(
            String tripId, String driverId, String vehicleId, long startedAtMs, String blob) {
        LookedUpTrip t = new LookedUpTrip();
        t.startedAtMs = startedAtMs;
        t.tripId = tripId;
        t.driverId = driverId;
        t.vehicleId = vehicleId;
        t.blob = blob;
        return t;
    }

    public static LookedUpTrip failed(String tripId, String reason) {
        LookedUpTrip t = new LookedUpTrip();
        t.tripId = tripId;
        t.failureReason = reason;
        return t;
    }

    /** A failure with no trip row to record it on (a poison message or an unknown id). */
    public static LookedUpTrip unrecordable(String reason) {
        return failed(null, reason);
    }

    public boolean isFailure() {
        return failureReason != null;
    }

    @Override
    public String toString() {
        return "LookedUpTrip{" + tripId + (isFailure() ? ", failed: " + failureReason : "") + "}";
    }
}
