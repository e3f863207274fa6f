package io.fleetflow.scoring;

/**
 * Estimates how far a device is turned about the vertical axis from the vehicle's axes, from the
 * trip itself, and turns the g channels back. While the vehicle speeds up or slows down in a
 * straight line, the true acceleration lies along the vehicle's longitudinal axis and equals the
 * change of the reported speed; a device turned by θ sees it split as {@code cos θ} on its
 * longitudinal channel and {@code −sin θ} on its lateral one. Regressing both channels on the
 * speed's own change gives θ (cornering, uncorrelated with changes of speed, averages out).
 * Commercial devices auto-orient the same way, from GPS speed and movement, after some minutes of
 * driving.
 *
 * <p>When the data cannot support an estimate, the axes are left alone: no usable speed (the
 * reported speed never changes, as in phone recordings without GPS), too little time spent changing
 * speed, or channels that do not follow the speed (a fit whose gain or correlation is off). A
 * well-mounted device gives an estimate near 0° and is turned by that little.
 */
public final class MountAlignment {

    /** Both channels and the speed are averaged over this window before the fit. In ms. */
    static final long FIT_WINDOW_MS = 1_000;

    /** Spacing of the moments the fit looks at. In ms. */
    static final long PROBE_MS = 100;

    /** Only moments with at least this change of speed take part. In g. */
    static final double MIN_SPEED_CHANGE_G = 0.05;

    /** Least time, summed over the moments taking part, for an estimate. In ms. */
    static final long MIN_EVIDENCE_MS = 20_000;

    /** Least correlation between the speed's change and the horizontal acceleration along it. */
    static final double MIN_CORRELATION = 0.8;

    /** The fitted gain must lie within this factor of 1: the channels and speed agree on scale. */
    static final double MAX_GAIN_ERROR = 0.35;

    /** A change of speed in km/h per ms, as g. */
    private static final double G_PER_KMH_PER_MS = 1000.0 / Signals.KMH_PER_G_SECOND;

    private MountAlignment() {}

    /**
     * The device's yaw in degrees (counter-clockwise seen from above), or {@code null} when the
     * trip cannot support an estimate.
     */
    public static Double estimateYawDeg(
            long[] t, double[] speedKmh, double[] gLong, double[] gLat) {
        int n = t.length;
        if (n < 3 || t[n - 1] - t[0] < MIN_EVIDENCE_MS) {
            return null;
        }
        // Probed every PROBE_MS with running window sums: every sample enters and leaves the sums
        // once, so the estimate costs a few additions per sample at any sample rate.
        long half = FIT_WINDOW_MS / 2;
        double sxx = 0;
        double sxl = 0;
        double sxa = 0;
        double sll = 0;
        double saa = 0;
        double sla = 0;
        long evidenceMs = 0;
        double sumLong = 0;
        double sumLat = 0;
        int lo = 0;
        int hi = 0;
        for (long tp = t[0] + half; tp <= t[n - 1] - half; tp += PROBE_MS) {
            while (hi < n && t[hi] <= tp + half) {
                sumLong += gLong[hi];
                sumLat += gLat[hi];
                hi++;
            }
            while (lo < hi && t[lo] < tp - half) {
                sumLong -= gLong[lo];
                sumLat -= gLat[lo];
                lo++;
            }
            int count = hi - lo;
            long span = count > 1 ? t[hi - 1] - t[lo] : 0;
            if (span < half) {
                continue; // a pause in the recording
            }
            double a = (speedKmh[hi - 1] - speedKmh[lo]) * G_PER_KMH_PER_MS / span;
            if (Math.abs(a) < MIN_SPEED_CHANGE_G) {
                continue;
            }
            double perSample = 1.0 / count;
            double l = sumLong * perSample;
            double b = sumLat * perSample;
            evidenceMs += PROBE_MS;
            sxx += a * a;
            sxl += a * l;
            sxa += a * b;
            sll += l * l;
            saa += b * b;
            sla += l * b;
        }
        double along = Math.hypot(sxl, sxa);
        if (evidenceMs < MIN_EVIDENCE_MS || sxx == 0 || along == 0) {
            return null;
        }
        // The horizontal acceleration projected on the fitted direction u, against the speed's.
        double ux = sxl / along;
        double uy = sxa / along;
        double spp = ux * ux * sll + 2 * ux * uy * sla + uy * uy * saa;
        double gain = along / sxx;
        double correlation = along / Math.sqrt(sxx * spp);
        if (Math.abs(gain - 1) > MAX_GAIN_ERROR || correlation < MIN_CORRELATION) {
            return null;
        }
        return Math.toDegrees(Math.atan2(-sxa, sxl));
    }

    /**
     * Turns both channels in place by {@code -yawDeg}, undoing a device turned by {@code yawDeg}.
     */
    public static void undo(double yawDeg, double[] gLong, double[] gLat) {
        double cos = Math.cos(Math.toRadians(yawDeg));
        double sin = Math.sin(Math.toRadians(yawDeg));
        for (int i = 0; i < gLong.length; i++) {
            double l = gLong[i];
            double a = gLat[i];
            gLong[i] = l * cos - a * sin;
            gLat[i] = l * sin + a * cos;
        }
    }
}
