package io.fleetflow.gateway.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One alert as the API and the webhook show it (snake_case JSON, openapi.json {@code Alert}).
 *
 * @param id stable: the same event always has the same alert id (receivers deduplicate on it)
 * @param driverName the driver's registered name, {@code null} when unregistered
 * @param vehicleName the vehicle's registered name, {@code null} when unregistered
 * @param eventStartMs the event's start in ms since the trip's start
 * @param deltaVKmh a crash's change of velocity, {@code null} for other types
 * @param status {@code open}, {@code acknowledged} or {@code superseded} ({@link AlertStatus})
 * @param supersededAt when a re-score stopped finding the event, or {@code null}
 * @param acknowledgedBy the name of the API key that acknowledged it, or {@code null}
 */
public record Alert(
        UUID id,
        UUID tripId,
        int seq,
        String eventType,
        String severity,
        UUID driverId,
        UUID vehicleId,
        String driverName,
        String vehicleName,
        long eventStartMs,
        double peak,
        // Named by hand: snake case of "deltaVKmh" would run the V into the Kmh.
        @JsonProperty("delta_v_kmh") Double deltaVKmh,
        Instant raisedAt,
        String status,
        Instant supersededAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant deliveredAt,
        int deliveryAttempts) {}
