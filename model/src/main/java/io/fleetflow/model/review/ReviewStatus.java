package io.fleetflow.model.review;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The review status of a detected event in the safety inbox; the wire names match {@code
 * telemetry.event_reviews.status}, the API and the dashboard. An event with no review row is {@link
 * #DEFAULT}. Only {@link #DISMISSED} (not the driver's fault) changes a trip's score, and it needs
 * a reason.
 */
public enum ReviewStatus {
    NEEDS_REVIEW("needs_review"),
    NEEDS_COACHING("needs_coaching"),
    COACHED("coached"),
    REVIEWED("reviewed"),
    DISMISSED("dismissed");

    /** The status of every detected event nobody has reviewed. */
    public static final ReviewStatus DEFAULT = NEEDS_REVIEW;

    private final String wireName;

    ReviewStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON and the database. */
    public String wireName() {
        return wireName;
    }

    /** Whether an event with this status is left out of its trip's score. */
    public boolean excludesFromScore() {
        return this == DISMISSED;
    }

    /** The status with this wire name (exact, lower case), or empty. */
    public static Optional<ReviewStatus> fromWireName(String name) {
        for (ReviewStatus s : values()) {
            if (s.wireName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Every wire name, in declaration order, e.g. for error messages and the schema's CHECK. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ReviewStatus::wireName).toList();
    }
}
