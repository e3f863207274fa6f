package io.fleetflow.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The samples of one trip in columnar form: one primitive array per channel, all of the same
 * length. This is the form the scoring model reads and the form stored in the database blob.
 *
 * <p>Time base: when per-sample {@code t} (ms since trip start) is present it is used; otherwise
 * sample {@code i} is at {@code i * 1000 / sampleRateHz}, with {@link #DEFAULT_SAMPLE_RATE_HZ} when
 * the trip gives no rate either.
 */
public final class TripSamples {

    /**
     * Sample rate assumed when a trip gives neither {@code t} nor {@code sample_rate_hz}. In Hz.
     */
    public static final double DEFAULT_SAMPLE_RATE_HZ = 1.0;

    private final long[] timeMs;
    private final Double sampleRateHz;
    private final double[] speedKmh;
    private final double[] gForceLong;
    private final double[] gForceLat;
    private final double[] gForceVert;

    /** Samples without the vertical axis. */
    public TripSamples(
            long[] timeMs,
            Double sampleRateHz,
            double[] speedKmh,
            double[] gForceLong,
            double[] gForceLat) {
        this(timeMs, sampleRateHz, speedKmh, gForceLong, gForceLat, null);
    }

    /**
     * @param timeMs per-sample ms since trip start, or {@code null} when the device sent none
     * @param sampleRateHz the trip's declared sample rate, or {@code null}
     * @param gForceVert vertical g-force, or {@code null} when the device sent none
     */
    public TripSamples(
            long[] timeMs,
            Double sampleRateHz,
            double[] speedKmh,
            double[] gForceLong,
            double[] gForceLat,
            double[] gForceVert) {
        this.speedKmh = Objects.requireNonNull(speedKmh, "speedKmh");
        this.gForceLong = Objects.requireNonNull(gForceLong, "gForceLong");
        this.gForceLat = Objects.requireNonNull(gForceLat, "gForceLat");
        int n = speedKmh.length;
        if (gForceLong.length != n
                || gForceLat.length != n
                || (timeMs != null && timeMs.length != n)
                || (gForceVert != null && gForceVert.length != n)) {
            throw new IllegalArgumentException("all sample channels must have the same length");
        }
        if (sampleRateHz != null && !(sampleRateHz > 0 && Double.isFinite(sampleRateHz))) {
            throw new IllegalArgumentException("sampleRateHz must be positive: " + sampleRateHz);
        }
        this.timeMs = timeMs;
        this.sampleRateHz = sampleRateHz;
        this.gForceVert = gForceVert;
    }

    /** The same channels (not copied) with {@code sampleRateHz} as the declared rate. */
    public TripSamples withSampleRateHz(Double sampleRateHz) {
        return new TripSamples(timeMs, sampleRateHz, speedKmh, gForceLong, gForceLat, gForceVert);
    }

    public int size() {
        return speedKmh.length;
    }

    public boolean hasExplicitTime() {
        return timeMs != null;
    }

    /** The declared rate, or {@code null}. */
    public Double sampleRateHz() {
        return sampleRateHz;
    }

    /** The rate used to place samples in time when there is no {@code t}. In Hz. */
    public double effectiveSampleRateHz() {
        return sampleRateHz != null ? sampleRateHz : DEFAULT_SAMPLE_RATE_HZ;
    }

    /** Time of sample {@code i}, in ms since trip start. */
    public long timeMs(int i) {
        if (timeMs != null) {
            return timeMs[i];
        }
        return Math.round(i * 1000.0 / effectiveSampleRateHz());
    }

    /** The raw per-sample times, or {@code null}; not copied, do not modify. */
    public long[] rawTimeMs() {
        return timeMs;
    }

    /** Speed channel in km/h; not copied, do not modify. */
    public double[] speedKmh() {
        return speedKmh;
    }

    /** Longitudinal g-force, forward positive; not copied, do not modify. */
    public double[] gForceLong() {
        return gForceLong;
    }

    /** Lateral g-force, left positive (ISO 8855); not copied, do not modify. */
    public double[] gForceLat() {
        return gForceLat;
    }

    /**
     * Vertical g-force, up positive, gravity removed ({@link SampleField#G_VERT}); {@code null}
     * when the device does not send it. Not copied, do not modify.
     */
    public double[] gForceVert() {
        return gForceVert;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TripSamples other)) {
            return false;
        }
        return Arrays.equals(timeMs, other.timeMs)
                && Objects.equals(sampleRateHz, other.sampleRateHz)
                && Arrays.equals(speedKmh, other.speedKmh)
                && Arrays.equals(gForceLong, other.gForceLong)
                && Arrays.equals(gForceLat, other.gForceLat)
                && Arrays.equals(gForceVert, other.gForceVert);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(sampleRateHz);
        h = 31 * h + Arrays.hashCode(timeMs);
        h = 31 * h + Arrays.hashCode(speedKmh);
        h = 31 * h + Arrays.hashCode(gForceLong);
        h = 31 * h + Arrays.hashCode(gForceLat);
        return 31 * h + Arrays.hashCode(gForceVert);
    }

    @Override
    public String toString() {
        return "TripSamples{size="
                + size()
                + ", explicitTime="
                + hasExplicitTime()
                + ", rateHz="
                + sampleRateHz
                + ", vertical="
                + (gForceVert != null)
                + "}";
    }
}
