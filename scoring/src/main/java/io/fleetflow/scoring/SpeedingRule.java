package io.fleetflow.scoring;

import io.fleetflow.model.Severity;
import java.io.Serializable;

/**
 * How speeding is detected, graded and weighted. Immutable.
 *
 * @param limitKmh speed above which the vehicle is speeding. In km/h.
 * @param minDurationMs shortest time above the limit that counts as an event. In ms.
 * @param mergeGapMs two spells above the limit separated by at most this much are one event. In ms.
 * @param harshOverKmh excess over the limit, at peak, from which the event is HARSH. In km/h.
 * @param severeOverKmh excess over the limit, at peak, from which the event is SEVERE. In km/h.
 * @param weight penalty points per event per 100 km of exposure
 */
public record SpeedingRule(
        double limitKmh,
        long minDurationMs,
        long mergeGapMs,
        double harshOverKmh,
        double severeOverKmh,
        double weight)
        implements Serializable {

    public SpeedingRule {
        if (!(limitKmh > 0) || !Double.isFinite(limitKmh)) {
            throw new IllegalArgumentException("limitKmh must be positive: " + limitKmh);
        }
        if (minDurationMs < 0 || mergeGapMs < 0) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (!(harshOverKmh >= 0 && severeOverKmh >= harshOverKmh)) {
            throw new IllegalArgumentException("severity bands must satisfy 0 <= harsh <= severe");
        }
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must not be negative: " + weight);
        }
    }

    /** The severity band of a speeding event with this peak speed. */
    public Severity severityOf(double peakKmh) {
        double over = peakKmh - limitKmh;
        if (over >= severeOverKmh) {
            return Severity.SEVERE;
        }
        return over >= harshOverKmh ? Severity.HARSH : Severity.MODERATE;
    }
}
