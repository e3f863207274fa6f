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
        double[] speed = samples.speedKmh();
        int n = speed.length;
        double distanceKm = 0;
        double movingS = 0;
        double max = n > 0 ? speed[0] : 0;
        long previous = n > 0 ? samples.timeMs(0) : 0;
        for (int i = 1; i < n; i++) {
            long t = samples.timeMs(i);
            double dtS = (t - previous) / 1000.0;
            double mean = (speed[i] + speed[i - 1]) / 2;
            distanceKm += mean * dtS / 3600.0;
            if (mean > MOVING_THRESHOLD_KMH) {
                movingS += dtS;
            }
            max = Math.max(max, speed[i]);
            previous = t;
        }
        double durationS = n > 1 ? (samples.timeMs(n - 1) - samples.timeMs(0)) / 1000.0 : 0;
        double avg = movingS > 0 ? distanceKm / (movingS / 3600.0) : 0;
        return new TripMetrics(distanceKm, durationS, movingS, max, avg);
    }
}
