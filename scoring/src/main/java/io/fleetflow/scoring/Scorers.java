package io.fleetflow.scoring;

/** The scorer the product runs; one place to switch models. */
public final class Scorers {
    private Scorers() {}

    public static TripScorer defaultScorer() {
        return new RiskModelScorer();
    }
}
