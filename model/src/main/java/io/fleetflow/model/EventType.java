package io.fleetflow.model;

/** The kinds of driving event the model detects; names match {@code trip_events.event_type}. */
public enum EventType {
    HARSH_BRAKING,
    RAPID_ACCELERATION,
    HARSH_CORNERING,
    SPEEDING
}
