package io.fleetflow.model;

/**
 * Where a trip is in the pipeline; names match {@code telemetry.trip_logs.status} and the read API.
 * A trip is {@code PENDING} from its 202 until the job claims it ({@code PROCESSING}), and ends
 * {@code COMPLETED} with a score or {@code FAILED} with a reason.
 */
public enum TripStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED;

    /** Whether the trip has reached one of its two final states. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
