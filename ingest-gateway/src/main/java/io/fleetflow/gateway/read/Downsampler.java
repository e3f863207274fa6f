package io.fleetflow.gateway.read;

import io.fleetflow.model.TripSamples;

/**
 * Shrinks a trip's samples to at most a given number of chart points without losing peaks: the
 * samples are cut into equal buckets and each bucket yields two points, carrying for every channel
 * its minimum and its maximum in the order they occurred. A bucket of one sample yields one point.
 */
public final class Downsampler {

    private Downsampler() {}

    /** Chart-ready columns of equal length; {@code gForceVert} null when the trip has none. */
    public record Series(
            long[] tMs,
            double[] speedKmh,
            double[] gForceLong,
            double[] gForceLat,
            double[] gForceVert,
            int sampleCount,
            boolean downsampled) {}

    public static Series downsample(TripSamples samples, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2: " + maxPoints);
        }
        int n = samples.size();
        if (n <= maxPoints) {
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                t[i] = samples.timeMs(i);
            }
            return new Series(
                    t,
                    samples.speedKmh().clone(),
                    samples.gForceLong().clone(),
                    samples.gForceLat().clone(),
                    samples.gForceVert() == null ? null : samples.gForceVert().clone(),
                    n,
                    false);
        }
        int buckets = maxPoints / 2;
        Columns out = new Columns(buckets * 2, samples.gForceVert() != null);
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets); // exclusive
            out.addBucket(samples, from, to);
        }
        return new Series(out.t(), out.speed(), out.gLong(), out.gLat(), out.gVert(), n, true);
    }

    /** Index of the channel's extreme that occurs first (0) or second (1) within [from, to). */
    static int[] extremesInOrder(double[] values, int from, int to) {
        int min = from;
        int max = from;
        for (int i = from + 1; i < to; i++) {
            if (values[i] < values[min]) {
                min = i;
            }
            if (values[i] > values[max]) {
                max = i;
            }
        }
        return min <= max ? new int[] {min, max} : new int[] {max, min};
    }

    private static final class Columns {
        private final long[] t;
        private final double[] speed;
        private final double[] gLong;
        private final double[] gLat;
        private final double[] gVert;
        private int size;

        Columns(int capacity, boolean vertical) {
            t = new long[capacity];
            speed = new double[capacity];
            gLong = new double[capacity];
            gLat = new double[capacity];
            gVert = vertical ? new double[capacity] : null;
        }

        void addBucket(TripSamples s, int from, int to) {
            int[] sp = extremesInOrder(s.speedKmh(), from, to);
            int[] lo = extremesInOrder(s.gForceLong(), from, to);
            int[] la = extremesInOrder(s.gForceLat(), from, to);
            int[] ve = gVert == null ? null : extremesInOrder(s.gForceVert(), from, to);
            int points = to - from == 1 ? 1 : 2;
            for (int k = 0; k < points; k++) {
                t[size] = s.timeMs(k == 0 ? from : to - 1);
                speed[size] = s.speedKmh()[sp[k]];
                gLong[size] = s.gForceLong()[lo[k]];
                gLat[size] = s.gForceLat()[la[k]];
                if (gVert != null) {
                    gVert[size] = s.gForceVert()[ve[k]];
                }
                size++;
            }
        }

        long[] t() {
            return java.util.Arrays.copyOf(t, size);
        }

        double[] speed() {
            return java.util.Arrays.copyOf(speed, size);
        }

        double[] gLong() {
            return java.util.Arrays.copyOf(gLong, size);
        }

        double[] gLat() {
            return java.util.Arrays.copyOf(gLat, size);
        }

        double[] gVert() {
            return gVert == null ? null : java.util.Arrays.copyOf(gVert, size);
        }
    }
}
