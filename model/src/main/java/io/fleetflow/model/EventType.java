package io.fleetflow.model;

/** The kinds of driving event the model detects; names match {@code trip_events.event_type}. */
public enum EventType {
    HARSH_BRAKING,
    RAPID_ACCELERATION,
    HARSH_CORNERING,
    SPEEDING,
    /**
     * A collision or impact: a horizontal acceleration of at least 1.5 g with a lasting change of
     * velocity. Severity {@link Severity#HARSH} is a minor collision, {@link Severity#SEVERE} a
     * major one (docs/scoring.md). Only looked for in data sampled at 25 Hz or faster.
     */
    CRASH
}
