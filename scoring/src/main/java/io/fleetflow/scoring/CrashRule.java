package io.fleetflow.scoring;

import java.io.Serializable;

/**
 * How a collision is recognised and what it costs (docs/scoring.md). The starting point is the
 * industry's published rules: a horizontal magnitude of 1.5–2.5 g is a minor collision and 2.5 g or
 * more a major one (Geotab), with a horizontal change of velocity of about 7 km/h within about 120
 * ms (Digital Matter). What those rules get wrong is filtered: a dropped device or a pothole is a
 * spike that pushes one way and back, so its change of velocity is near zero, and where the trip
 * has usable speed the vehicle must have slowed afterwards.
 *
 * @param minorG least raw horizontal magnitude of an impact. In g.
 * @param majorG raw horizontal magnitude from which it is a major collision. In g.
 * @param minDeltaVKmh least horizontal change of velocity over the impact. In km/h.
 * @param impulseMs width of the window, centred on the peak, over which the change of velocity is
 *     integrated. In ms.
 * @param minorPenalty points a minor collision takes off the trip's score
 * @param majorPenalty points a major collision takes off the trip's score
 */
public record CrashRule(
        double minorG,
        double majorG,
        double minDeltaVKmh,
        long impulseMs,
        double minorPenalty,
        double majorPenalty)
        implements Serializable {

    public CrashRule {
        if (!(minorG > 0 && majorG >= minorG) || !Double.isFinite(majorG)) {
            throw new IllegalArgumentException("crash bands must satisfy 0 < minor <= major");
        }
        if (!(minDeltaVKmh >= 0) || impulseMs <= 0) {
            throw new IllegalArgumentException("crash Δv and window must be positive");
        }
        if (!(minorPenalty >= 0 && majorPenalty >= minorPenalty && majorPenalty <= 100)) {
            throw new IllegalArgumentException("crash penalties must satisfy 0 <= minor <= major");
        }
    }

    /** The penalty of one crash. */
    public double penalty(boolean major) {
        return major ? majorPenalty : minorPenalty;
    }
}
