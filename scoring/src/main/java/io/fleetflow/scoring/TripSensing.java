package io.fleetflow.scoring;

/**
 * What the trip's data allowed the model to do, stored with the trip's metrics.
 *
 * @param mountYawDeg the device's estimated mounting yaw, by which the g channels were turned back
 *     before detection, in degrees (positive counter-clockwise seen from above); {@code null} when
 *     the data could not support an estimate (no usable speed, too little speed change) and the
 *     axes were left as sent
 * @param crashDetection whether the samples were dense enough (at least {@link
 *     ScoringConfig#MIN_CRASH_RATE_HZ}) to look for crashes; when {@code false} the trip has no
 *     CRASH events because none could be seen, not because there was none
 */
public record TripSensing(Double mountYawDeg, boolean crashDetection) {

    /** Axes left as sent, crashes not looked for: what the seed rule reports. */
    public static final TripSensing NONE = new TripSensing(null, false);
}
