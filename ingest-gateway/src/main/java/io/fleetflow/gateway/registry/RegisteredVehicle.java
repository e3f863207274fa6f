package io.fleetflow.gateway.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code telemetry.vehicles} as the API answers it.
 *
 * @param vehicleClass the wire name of its {@link io.fleetflow.model.registry.VehicleClass}
 * @param updatedBy the name of the API key that made the last change
 */
public record RegisteredVehicle(
        UUID vehicleId,
        String name,
        String vehicleClass,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {}
