package io.fleetflow.scoring;

/**
 * What a {@link io.fleetflow.model.EventType#CRASH} event measured.
 *
 * @param peakG peak horizontal magnitude √(long² + lat²) of the raw signal. In g.
 * @param deltaVKmh horizontal change of velocity over the impact, from the accelerometer. In km/h.
 * @param speedBeforeKmh the reported speed just before the impact, or {@code null} when the trip
 *     has no usable speed. In km/h.
 * @param speedAfterKmh the reported speed just after it, or {@code null}. In km/h.
 * @param major whether it is a major collision (peak at or above the major threshold) rather than a
 *     minor one
 */
public record CrashImpact(
        double peakG,
        double deltaVKmh,
        Double speedBeforeKmh,
        Double speedAfterKmh,
        boolean major) {}
