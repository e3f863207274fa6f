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
 * @param impact what a crash measured; {@code null} for every other type
 */
public record DrivingEvent(
        EventType type,
        long startMs,
        long endMs,
        double peak,
        Severity severity,
        CrashImpact impact) {

    /** An event that is not a crash. */
    public DrivingEvent(EventType type, long startMs, long endMs, double peak, Severity severity) {
        this(type, startMs, endMs, peak, severity, null);
    }

    public DrivingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        if (endMs < startMs) {
            throw new IllegalArgumentException(
                    "event ends before it starts: " + startMs + ".." + endMs);
        }
        if ((type == EventType.CRASH) != (impact != null)) {
            throw new IllegalArgumentException("a crash, and only a crash, carries its impact");
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }
}
