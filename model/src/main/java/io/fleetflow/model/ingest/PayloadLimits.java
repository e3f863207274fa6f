package io.fleetflow.model.ingest;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits a trip payload must respect. Immutable.
 *
 * @param maxSamples most samples accepted in one trip
 * @param maxFutureSkew how far the trip's {@code timestamp} may lie ahead of the server clock
 * @param maxReportedErrors most field errors listed in one answer; the rest are only counted
 */
public record PayloadLimits(int maxSamples, Duration maxFutureSkew, int maxReportedErrors)
        implements Serializable {

    public static final int DEFAULT_MAX_SAMPLES = 2_000_000;
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_REPORTED_ERRORS = 100;

    public static final PayloadLimits DEFAULTS =
            new PayloadLimits(
                    DEFAULT_MAX_SAMPLES, DEFAULT_MAX_FUTURE_SKEW, DEFAULT_MAX_REPORTED_ERRORS);

    public PayloadLimits {
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be at least 1: " + maxSamples);
        }
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException(
                    "maxFutureSkew must not be negative: " + maxFutureSkew);
        }
        if (maxReportedErrors < 1) {
            throw new IllegalArgumentException(
                    "maxReportedErrors must be at least 1: " + maxReportedErrors);
        }
    }
}
