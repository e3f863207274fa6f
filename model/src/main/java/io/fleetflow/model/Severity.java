package io.fleetflow.model;

/** How far an event went past its threshold; names match {@code trip_events.severity}. */
public enum Severity {
    MODERATE,
    HARSH,
    SEVERE
}
