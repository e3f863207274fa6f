package io.fleetflow.job.failure;

/**
 * Why a trip could not be scored; each kind has its own {@code tripsFailed.<metricName>} counter.
 */
public enum FailureKind {
    /** The message named a trip id with no row, even after retries; there is nothing to mark. */
    UNKNOWN_TRIP("unknownTrip"),
    /** The lookup did not answer within the async timeout. */
    LOOKUP_TIMEOUT("lookupTimeout"),
    /**
     * Retention dropped the trip's raw samples before it was scored (retention keeps the samples of
     * unfinished trips, so this takes a trip whose message came back after it was finished).
     */
    SAMPLES_DROPPED("samplesDropped"),
    /** The stored blob could not be decoded. */
    UNREADABLE_BLOB("unreadableBlob"),
    /** The scorer threw on the trip's samples. */
    SCORING_ERROR("scoringError");

    private final String metricName;

    FailureKind(String metricName) {
        this.metricName = metricName;
    }

    public String metricName() {
        return metricName;
    }
}
