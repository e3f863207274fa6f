package io.fleetflow.job.lookup;

import java.time.Duration;

/**
 * Exponential backoff between lookup attempts: the first delay, doubled per attempt, capped at
 * {@link #MAX_DELAY}.
 */
public record Backoff(Duration first) {

    /** Longest wait between two attempts. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(5);

    /** Wait before attempt {@code attempt + 1}, after {@code attempt} (1-based) failed. */
    public long delayMsAfter(int attempt) {
        long delay = first.toMillis() << Math.min(attempt - 1, 30);
        return Math.min(delay, MAX_DELAY.toMillis());
    }

    /** Total wait across {@code attempts} attempts, i.e. the retry budget. */
    public long totalDelayMs(int attempts) {
        long total = 0;
        for (int a = 1; a < attempts; a++) {
            total += delayMsAfter(a);
        }
        return total;
    }
}
