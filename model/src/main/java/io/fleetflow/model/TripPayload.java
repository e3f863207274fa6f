package io.fleetflow.model;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A validated trip as a vehicle posts it to {@code POST /api/v1/telemetry}.
 *
 * @param startedAt the payload's {@code timestamp}: when the trip started, with the device's zone
 *     offset
 */
public record TripPayload(
        UUID vehicleId, UUID driverId, OffsetDateTime startedAt, TripSamples samples) {
    public TripPayload {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(samples, "samples");
    }
}
