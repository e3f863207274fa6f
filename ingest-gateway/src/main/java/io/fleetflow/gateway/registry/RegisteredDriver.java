package io.fleetflow.gateway.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code telemetry.drivers} as the API answers it.
 *
 * @param updatedBy the name of the API key that made the last change
 */
public record RegisteredDriver(
        UUID driverId,
        String name,
        String externalRef,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {}
