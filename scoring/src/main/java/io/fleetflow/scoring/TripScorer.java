package io.fleetflow.scoring;

import io.fleetflow.model.TripSamples;
import java.io.Serializable;

/**
 * Turns a trip's samples into its score. Implementations are pure (no I/O), thread-safe and
 * serializable, so the Flink job can ship one to every parallel operator.
 */
public interface TripScorer extends Serializable {

    TripScore score(TripSamples samples);

    /** Identifies the model and its parameters; stored with every score. */
    String version();
}
