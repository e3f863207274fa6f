package io.fleetflow.scoring;

import io.fleetflow.model.TripSamples;

/**
 * Exposure figures of a trip.
 *
 * @param distanceKm ∫ speed dt, in km
 * @param durationS first to last sample, in s
 * @param movingS time spent above {@link #MOVING_THRESHOLD_KMH}, in s
 * @param maxSpeedKmh highest speed, in km/h
 * @param avgSpeedKmh distance over moving time, in km/h (0 when never moving)
 */
public record TripMetrics(
        double distanceKm,
        double durationS,
        double movingS,
        double maxSpeedKmh,
        double avgSpeedKmh) {

    /** Speed above which the vehicle counts as moving. In km/h. */
    public static final double MOVING_THRESHOLD_KMH = 2.0;

    /** Computes the metrics with the trapezoidal rule over the samples' own time base. */
    public static TripMetrics of(TripSamples samples) {
        return of(samples, Signals.timeline(samples));
    }

    /**
     * The same, given the samples' times ({@link Signals#timeline}), which the scorer has already
     * computed: no time is derived again per sample.
     */
    public static TripMetrics of(TripSamples samples, long[] t) {
        double[] speed = samples.speedKmh();
        int n = speed.length;
        // Sums in the samples' own units (km/h × ms, ms), converted once at the end.
        double speedSumTimesMs = 0;
        long movingMs = 0;
        double max = n > 0 ? speed[0] : 0;
        for (int i = 1; i < n; i++) {
            long dtMs = t[i] - t[i - 1];
            double speedSum = speed[i] + speed[i - 1];
            speedSumTimesMs += speedSum * dtMs;
            if (speedSum > 2 * MOVING_THRESHOLD_KMH) { // the interval's mean speed above it
                movingMs += dtMs;
            }
            max = Math.max(max, speed[i]);
        }
        double distanceKm = speedSumTimesMs / (2 * 3_600_000.0);
        double movingS = movingMs / 1000.0;
        double durationS = n > 1 ? (t[n - 1] - t[0]) / 1000.0 : 0;
        double avg = movingS > 0 ? distanceKm / (movingS / 3600.0) : 0;
        return new TripMetrics(distanceKm, durationS, movingS, max, avg);
    }
}
