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

    /**
     * How the review {@code review} attaches to the detected event {@code event} (SQL aliases of
     * {@link #EVENT_REVIEWS} and {@code trip_events}): the same trip and seq, and only while it
     * names the same type — a re-score with another model may renumber a trip's events.
     */
    public static String reviewOf(String review, String event) {
        return String.format(
                "%1$s.trip_id = %2$s.trip_id AND %1$s.seq = %2$s.seq AND %1$s.event_type = %2$s.event_type",
                review, event);
    }

    /** Longest reason, in characters. */
    public static final int MAX_REASON = 500;

    /** Longest comment, in characters. */
    public static final int MAX_COMMENT = 2_000;

    private ReviewNames() {}
}
