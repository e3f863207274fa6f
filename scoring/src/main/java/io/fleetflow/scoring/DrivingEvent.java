package io.fleetflow.scoring;

import io.fleetflow.model.EventType;
import io.fleetflow.model.Severity;
import java.util.Objects;

/**
 * One detected manoeuvre.
 *
 * @param startMs start, in ms since trip start
 * @param endMs end, in ms since trip start
 * @param peak peak |g| for g-force events, peak speed in km/h for speeding
 */
public record DrivingEvent(
        EventType type, long startMs, long endMs, double peak, Severity severity) {
    public DrivingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        if (endMs < startMs) {
            throw new IllegalArgumentException(
                    "event ends before it starts: " + startMs + ".." + endMs);
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }
}
