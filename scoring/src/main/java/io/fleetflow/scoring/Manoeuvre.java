package io.fleetflow.scoring;

import io.fleetflow.model.EventType;

/**
 * One segment of sustained horizontal acceleration, typed by its dominant direction, with the
 * evidence the rules weigh: its peak and its energy along that direction.
 *
 * @param type braking, acceleration or cornering
 * @param startMs start, in ms since trip start
 * @param endMs end, in ms since trip start
 * @param peakG peak acceleration along the type's direction. In g.
 * @param energyGs ∫ acceleration dt along the type's direction over the segment: for braking and
 *     acceleration, the speed it changed while it was harsh (1 g·s = 35.3 km/h). In g·s.
 */
public record Manoeuvre(EventType type, long startMs, long endMs, double peakG, double energyGs) {

    /** Whether this is braking or acceleration (the axes rebound acts on). */
    public boolean longitudinal() {
        return type == EventType.HARSH_BRAKING || type == EventType.RAPID_ACCELERATION;
    }

    public long durationMs() {
        return endMs - startMs;
    }
}
