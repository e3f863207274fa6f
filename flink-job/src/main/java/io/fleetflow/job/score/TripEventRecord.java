package io.fleetflow.job.score;

import java.util.Objects;

/**
 * One detected event of a scored trip, as {@code telemetry.trip_events} stores it. A Flink POJO.
 */
public class TripEventRecord {
    /** An {@code EventType} name. */
    public String type;

    public long startMs;
    public long endMs;

    /** Peak |g|, or peak km/h for speeding. */
    public double peak;

    /** A {@code Severity} name. */
    public String severity;

    public TripEventRecord() {}

    public TripEventRecord(String type, long startMs, long endMs, double peak, String severity) {
        this.type = type;
        this.startMs = startMs;
        this.endMs = endMs;
        this.peak = peak;
        this.severity = severity;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TripEventRecord e
                && startMs == e.startMs
                && endMs == e.endMs
                && Double.compare(peak, e.peak) == 0
                && Objects.equals(type, e.type)
                && Objects.equals(severity, e.severity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, startMs, endMs, peak, severity);
    }

    @Override
    public String toString() {
        return type + "[" + startMs + ".." + endMs + " ms, peak " + peak + ", " + severity + "]";
    }
}
