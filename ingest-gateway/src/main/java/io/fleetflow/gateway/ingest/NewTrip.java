package io.fleetflow.gateway.ingest;

import io.fleetflow.model.TripPayload;
import java.util.UUID;

/** A trip to insert as {@code PENDING}, with no idempotency key, and its stored blob (format 2). */
public record NewTrip(UUID tripId, TripPayload trip, byte[] blob) {}
