package io.fleetflow.scoring;

import io.fleetflow.model.TripSamples;
import java.util.Arrays;

/**
 * Time-based signal helpers. Everything here works in milliseconds, never in samples, so a trip
 * recorded at 10 Hz and the same trip at 50 Hz give the same smoothed curve.
 */
public final class Signals {

    /** Speed gained, in km/h, by one g held for one second (g·s → km/h). */
    public static final double KMH_PER_G_SECOND = 9.80665 * 3.6;

    /** Most sample intervals looked at when estimating the typical period. */
    private static final int PERIOD_PROBES = 1_025;

    private Signals() {}

    /**
     * The time of every sample in ms since trip start: the per-sample {@code t} when the trip has
     * it, else {@code i × 1000 / sample_rate_hz}, else the same with {@link
     * TripSamples#DEFAULT_SAMPLE_RATE_HZ}. Returns the trip's own array when it has {@code t}.
     */
    public static long[] timeline(TripSamples samples) {
        long[] raw = samples.rawTimeMs();
        if (raw != null) {
            return raw;
        }
        int n = samples.size();
        long[] t = new long[n];
        double stepMs = 1000.0 / samples.effectiveSampleRateHz();
        long wholeStepMs = (long) stepMs;
        if (wholeStepMs == stepMs) { // 1, 10, 25, 50 Hz …: the same times without rounding each
            for (int i = 0; i < n; i++) {
                t[i] = i * wholeStepMs;
            }
            return t;
        }
        for (int i = 0; i < n; i++) {
            t[i] = Math.round(i * stepMs);
        }
        return t;
    }

    /**
     * The usual spacing of samples in ms: {@code 1000 / rate} without {@code t}, else the median of
     * (up to about a thousand evenly spread) sample intervals, so one long pause in the recording
     * does not distort it. 0 for fewer than two samples.
     */
    public static double typicalPeriodMs(TripSamples samples, long[] t) {
        if (t.length < 2) {
            return 0;
        }
        if (!samples.hasExplicitTime()) {
            return 1000.0 / samples.effectiveSampleRateHz();
        }
        int intervals = t.length - 1;
        int probes = Math.min(intervals, PERIOD_PROBES);
        long[] dt = new long[probes];
        for (int k = 0; k < probes; k++) {
            int i = (int) ((long) k * intervals / probes);
            dt[k] = t[i + 1] - t[i];
        }
        Arrays.sort(dt);
        return dt[probes / 2];
    }

    /**
     * Centred moving average of two channels sharing one time base, in one pass: {@code out1[i]} is
     * the mean of all {@code x1} samples within {@code ±windowMs/2} of sample {@code i}, and
     * likewise for {@code x2}. O(n) with two pointers; a window of 0 copies the signals. The window
     * bookkeeping is shared and the two running sums are independent, which makes this about twice
     * as fast as two single passes.
     */
    public static void movingAverages(
            long[] t, double[] x1, double[] x2, long windowMs, double[] out1, double[] out2) {
        int n = x1.length;
        if (x2.length != n || out1.length != n || out2.length != n) {
            throw new IllegalArgumentException("all channels must have the same length");
        }
        long half = windowMs / 2;
        int lo = 0;
        int hi = 0;
        double sum1 = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            long ti = t[i];
            while (hi < n && t[hi] <= ti + half) {
                sum1 += x1[hi];
                sum2 += x2[hi];
                hi++;
            }
            while (t[lo] < ti - half) {
                sum1 -= x1[lo];
                sum2 -= x2[lo];
                lo++;
            }
            double inverse = 1.0 / (hi - lo);
            out1[i] = sum1 * inverse;
            out2[i] = sum2 * inverse;
        }
    }

    /** The first index whose time is at or after {@code ms}, or {@code t.length} if none. */
    public static int indexAtOrAfter(long[] t, long ms) {
        int lo = 0;
        int hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Whether the reported speed carries information: it moves at least 0.5 km/h away from its
     * first value somewhere in the trip. Phone recordings without GPS send a constant placeholder.
     */
    public static boolean speedVaries(double[] speedKmh) {
        if (speedKmh.length == 0) {
            return false;
        }
        double first = speedKmh[0];
        for (double v : speedKmh) {
            if (Math.abs(v - first) >= 0.5) {
                return true; // a driven trip answers within its first seconds
            }
        }
        return false;
    }
}
