package io.fleetflow.gateway.review;

import java.time.Instant;

/** One change of a review: who (the API key's name), when, the status before and after. */
public record ReviewLogEntry(
        long id,
        String oldStatus,
        String newStatus,
        String reason,
        String comment,
        String changedBy,
        Instant changedAt) {}
