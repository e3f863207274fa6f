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

    /** Peak |g| (a crash's peak horizontal g), or peak km/h for speeding. */
    public double peak;

    /** A {@code Severity} name. */
    public String severity;

    /** A crash's change of velocity in km/h; {@code null} for every other type. */
    public Double deltaVKmh;

    /** A crash's reported speed before the impact in km/h, or {@code null}. */
    public Double speedBeforeKmh;

    /** A crash's reported speed after the impact in km/h, or {@code null}. */
    public Double speedAfterKmh;

    public TripEventRecord() {}

    /** An event that is not a crash. */
    public TripEventRecord(String type, long startMs, long endMs, double peak, String severity) {
        this(type, startMs, endMs, peak, severity, null, null, null);
    }

    public TripEventRecord(
            String type,
            long startMs,
            long endMs,
            double peak,
            String severity,
            Double deltaVKmh,
            Double speedBeforeKmh,
            Double speedAfterKmh) {
        this.type = type;
        this.startMs = startMs;
        this.endMs = endMs;
        this.peak = peak;
        this.severity = severity;
        this.deltaVKmh = deltaVKmh;
        this.speedBeforeKmh = speedBeforeKmh;
        this.speedAfterKmh = speedAfterKmh;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TripEventRecord e
                && startMs == e.startMs
                && endMs == e.endMs
                && Double.compare(peak, e.peak) == 0
                && Objects.equals(type, e.type)
                && Objects.equals(severity, e.severity)
                && Objects.equals(deltaVKmh, e.deltaVKmh)
                && Objects.equals(speedBeforeKmh, e.speedBeforeKmh)
                && Objects.equals(speedAfterKmh, e.speedAfterKmh);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, startMs, endMs, peak, severity);
    }

    @Override
    public String toString() {
        String impact =
                deltaVKmh == null
                        ? ""
                        : ", Δv "
                                + deltaVKmh
                                + " km/h, "
                                + speedBeforeKmh
                                + " -> "
                                + speedAfterKmh
                                + " km/h";
        return type
                + "["
                + startMs
                + ".."
                + endMs
                + " ms, peak "
                + peak
                + ", "
                + severity
                + impact
                + "]";
    }
}
