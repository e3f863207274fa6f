package io.fleetflow.scoring;

import io.fleetflow.model.TripSamples;
import java.io.Serializable;
import java.util.function.Predicate;

/**
 * Turns a trip's samples into its score. Implementations are pure (no I/O), thread-safe and
 * serializable, so the Flink job can ship one to every parallel operator.
 */
public interface TripScorer extends Serializable {

    TripScore score(TripSamples samples);

    /**
     * The trip's score with the events a safety manager dismissed (not the driver's fault) left out
     * of the counts and the score; every detected event is still listed. {@code dismissed} tells a
     * detected event that was dismissed (for example by matching reviews of an earlier revision of
     * the trip's events by type and time).
     *
     * @throws UnsupportedOperationException when a scorer cannot leave events out and something was
     *     dismissed
     */
    default TripScore scoreExcluding(TripSamples samples, Predicate<DrivingEvent> dismissed) {
        TripScore score = score(samples);
        if (score.events().stream().anyMatch(dismissed)) {
            throw new UnsupportedOperationException(version() + " cannot leave events out");
        }
        return score;
    }

    /** Identifies the model and its parameters; stored with every score. */
    String version();
}
