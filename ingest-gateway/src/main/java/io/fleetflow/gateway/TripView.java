package io.fleetflow.gateway;

import java.time.Instant;
import java.util.UUID;

/** A trip as the read API shows it: its state and, once scored, its score. */
public record TripView(
        UUID tripId,
        UUID vehicleId,
        UUID driverId,
        Instant startedAt,
        int sampleCount,
        String status,
        String failureReason,
        Instant receivedAt,
        Instant updatedAt,
        Instant completedAt,
        Integer safetyScore,
        Integer harshBrakingCount,
        Integer rapidAccelCount,
        String scoringVersion,
        Instant scoredAt) {}
