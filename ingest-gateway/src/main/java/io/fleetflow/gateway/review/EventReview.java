package io.fleetflow.gateway.review;

import java.time.Instant;
import java.util.UUID;

/**
 * The current review of one detected event: its status (wire name), reason and comment, and the
 * event's type and interval at review time. {@code updatedBy} and {@code updatedAt} are null for an
 * event nobody has reviewed (status {@code needs_review}).
 */
public record EventReview(
        UUID tripId,
        int seq,
        String eventType,
        long startMs,
        long endMs,
        String status,
        String reason,
        String comment,
        String updatedBy,
        Instant updatedAt) {}
