package io.fleetflow.model.review;

/**
 * The safety inbox's tables, shared by the gateway (which writes them) and the job (which reads
 * dismissals and consumes re-score requests); the schema is in {@code sql/init.sql} and
 * docs/safety-inbox.md.
 */
public final class ReviewNames {

    /** The current review of an event, keyed by (trip_id, seq), one row per reviewed event. */
    public static final String EVENT_REVIEWS = "telemetry.event_reviews";

    /** Every change of a review: who, when, old and new status, reason, comment. */
    public static final String EVENT_REVIEW_LOG = "telemetry.event_review_log";

    /**
     * The outbox of trips to re-score: one row (trip_id, requested_at, reason) written in the same
     * transaction as a review that turned an event's dismissal on or off; the consumer deletes the
     * rows it has handled.
     */
    public static final String RESCORE_REQUESTS = "telemetry.rescore_requests";

    /** Longest reason, in characters. */
    public static final int MAX_REASON = 500;

    /** Longest comment, in characters. */
    public static final int MAX_COMMENT = 2_000;

    private ReviewNames() {}
}
