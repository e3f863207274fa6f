package io.fleetflow.gateway.ingest;

import io.fleetflow.model.TripPayload;
import java.util.UUID;

/** A trip to insert as {@code PENDING}, with no idempotency key, and its stored blob. */
public record NewTrip(UUID tripId, TripPayload trip, String blob) {}
