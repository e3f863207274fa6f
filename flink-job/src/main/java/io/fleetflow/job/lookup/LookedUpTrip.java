package io.fleetflow.job.lookup;

import io.fleetflow.job.failure.FailureKind;

/**
 * A trip id after the database lookup: the trip's identity and stored blob, or the reason it cannot
 * be scored. A Flink POJO.
 */
public class LookedUpTrip {
    /** The trip's id; {@code null} when the message named no trip that exists. */
    public String tripId;

    public String driverId;
    public String vehicleId;

    /**
     * The vehicle's registered class ({@code telemetry.vehicles.vehicle_class}); {@code null} for a
     * vehicle nobody registered.
     */
    public String vehicleClass;

    /**
     * The trip's events a safety manager dismissed, as reviewed (docs/safety-inbox.md): types
     * ({@code EventType} names) and intervals, index by index; empty when none. Arrays, so that
     * Flink serializes them without Kryo.
     */
    public String[] dismissedTypes = new String[0];

    public long[] dismissedStartMs = new long[0];
    public long[] dismissedEndMs = new long[0];

    /** The trip's {@code started_at}, epoch ms. */
    public long startedAtMs;

    /**
     * The stored blob's bytes as the database sent them ({@code SamplePartitions.STORED_BLOB}:
     * format 2, or a format 1 blob's UTF-8 text; no string decoded); {@code null} when the lookup
     * failed.
     */
    public byte[] blob;

    /** Why the trip cannot be scored; {@code null} when it can. */
    public FailureKind failureKind;

    /** Details for {@code failure_reason}; {@code null} when the trip can be scored. */
    public String failureReason;

    public LookedUpTrip() {}

    public static LookedUpTrip found(
            String tripId, String driverId, String vehicleId, long startedAtMs, byte[] blob) {
        LookedUpTrip t = new LookedUpTrip();
        t.startedAtMs = startedAtMs;
        t.tripId = tripId;
        t.driverId = driverId;
        t.vehicleId = vehicleId;
        t.blob = blob;
        return t;
    }

    public static LookedUpTrip failed(String tripId, FailureKind kind, String reason) {
        LookedUpTrip t = new LookedUpTrip();
        t.tripId = tripId;
        t.failureKind = kind;
        t.failureReason = reason;
        return t;
    }

    /** A failure with no trip row to record it on (an unknown id). */
    public static LookedUpTrip unrecordable(FailureKind kind, String reason) {
        return failed(null, kind, reason);
    }

    public boolean isFailure() {
        return failureKind != null;
    }

    @Override
    public String toString() {
        return "LookedUpTrip{" + tripId + (isFailure() ? ", failed: " + failureReason : "") + "}";
    }
}
