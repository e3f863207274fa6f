package io.fleetflow.gateway.review;

import io.fleetflow.model.review.ReviewStatus;

/** A validated review request: the new status, and reason and comment (null when not given). */
public record ReviewInput(ReviewStatus status, String reason, String comment) {}
