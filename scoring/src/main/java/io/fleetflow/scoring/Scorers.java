package io.fleetflow.scoring;

/**
 * The scorer the product runs — the risk model with passenger-car defaults (docs/scoring.md); one
 * place to switch models.
 */
public final class Scorers {
    private Scorers() {}

    public static TripScorer defaultScorer() {
        return new RiskModelScorer();
    }
}
