package io.fleetflow.scoring;

import io.fleetflow.model.Severity;
import java.io.Serializable;

/**
 * How one g-force event type is detected, graded and weighted. Immutable.
 *
 * @param thresholdG smoothed |g| at or beyond which a manoeuvre starts. In g.
 * @param releaseRatio the manoeuvre lasts while |g| stays at or above {@code releaseRatio ×
 *     thresholdG} (hysteresis), in (0, 1]
 * @param minDurationMs shortest manoeuvre that counts. In ms.
 * @param mergeGapMs two runs separated by at most this much time are one manoeuvre. In ms.
 * @param harshG peak |g| from which the event is {@link Severity#HARSH} (below: MODERATE). In g.
 * @param severeG peak |g| from which the event is {@link Severity#SEVERE}. In g.
 * @param weight penalty points per event per 100 km of exposure
 * @param minEnergyGs least ∫|a| dt of the manoeuvre along its own direction: for braking and
 *     acceleration that is the speed it changed (1 g·s = 35.3 km/h), for cornering the sideways
 *     velocity it turned. Bumps and touches are too short to reach it. In g·s.
 */
public record EventRule(
        double thresholdG,
        double releaseRatio,
        long minDurationMs,
        long mergeGapMs,
        double harshG,
        double severeG,
        double weight,
        double minEnergyGs)
        implements Serializable {

    public EventRule {
        if (!(thresholdG > 0) || !Double.isFinite(thresholdG)) {
            throw new IllegalArgumentException("thresholdG must be positive: " + thresholdG);
        }
        if (!(releaseRatio > 0 && releaseRatio <= 1)) {
            throw new IllegalArgumentException("releaseRatio must be in (0, 1]: " + releaseRatio);
        }
        if (minDurationMs < 0 || mergeGapMs < 0) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (!(harshG >= thresholdG && severeG >= harshG)) {
            throw new IllegalArgumentException(
                    "severity bands must satisfy threshold <= harsh <= severe");
        }
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must not be negative: " + weight);
        }
        if (!(minEnergyGs >= 0) || !Double.isFinite(minEnergyGs)) {
            throw new IllegalArgumentException("minEnergyGs must not be negative: " + minEnergyGs);
        }
    }

    /** Level below which a running manoeuvre ends. In g. */
    public double releaseG() {
        return thresholdG * releaseRatio;
    }

    /** The severity band of a manoeuvre with this peak. */
    public Severity severityOf(double peakG) {
        if (peakG >= severeG) {
            return Severity.SEVERE;
        }
        return peakG >= harshG ? Severity.HARSH : Severity.MODERATE;
    }
}
