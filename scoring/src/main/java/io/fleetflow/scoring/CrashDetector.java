package io.fleetflow.scoring;

import io.fleetflow.model.EventType;
import io.fleetflow.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds collisions on the raw (unsmoothed) horizontal acceleration of a trip (its magnitude, which
 * a turned mount does not change) sampled at {@link ScoringConfig#MIN_CRASH_RATE_HZ} or faster, by
 * the rules of {@link CrashRule}: a peak of horizontal magnitude at or above the minor level, and a
 * change of velocity over the impulse window (its driving acceleration before the impact taken off)
 * of at least the rule's Δv. A spike that pushes one way and back (a dropped device, a pothole)
 * changes the velocity by almost nothing and is not a crash. Where the trip has usable speed, the
 * vehicle must also have slowed by the rule's Δv within five seconds. One crash per second at most.
 */
public final class CrashDetector {

    /** The driving acceleration before an impact is the mean over this window before it. In ms. */
    static final long BASELINE_MS = 1_000;

    /** Time after the impact within which the speed must have dropped. In ms. */
    static final long SLOWDOWN_MS = 5_000;

    private CrashDetector() {}

    /**
     * @param speedKmh the reported speed, or {@code null} when the trip has no usable speed
     * @param gVert the vertical g, or {@code null} when the device sends none
     */
    public static List<DrivingEvent> detect(
            long[] t,
            double[] gLong,
            double[] gLat,
            double[] speedKmh,
            double[] gVert,
            CrashRule rule) {
        List<DrivingEvent> crashes = new ArrayList<>();
        int n = t.length;
        long half = rule.impulseMs() / 2;
        // Squared magnitudes: this scan touches every sample, and Math.hypot is slow.
        double minor2 = rule.minorG() * rule.minorG();
        int i = 0;
        while (i < n) {
            if (gLong[i] * gLong[i] + gLat[i] * gLat[i] < minor2) {
                i++;
                continue;
            }
            int peak = i;
            int last = i;
            double peak2 = 0;
            for (int k = i; k < n && t[k] <= t[i] + half; k++) {
                double m2 = gLong[k] * gLong[k] + gLat[k] * gLat[k];
                if (m2 > peak2) {
                    peak = k;
                    peak2 = m2;
                }
                if (m2 >= minor2) {
                    last = k;
                }
            }
            DrivingEvent crash = crashAt(t, gLong, gLat, speedKmh, rule, i, peak, last);
            if (crash != null && !mostlyVertical(t, gVert, peak, peak2, half)) {
                crashes.add(crash);
            }
            long resume = t[peak] + 1_000;
            while (i < n && t[i] < resume) {
                i++;
            }
        }
        return crashes;
    }

    private static DrivingEvent crashAt(
            long[] t,
            double[] gLong,
            double[] gLat,
            double[] speedKmh,
            CrashRule rule,
            int first,
            int peak,
            int last) {
        long tp = t[peak];
        long half = rule.impulseMs() / 2;
        double baseLong = mean(t, gLong, tp - half - BASELINE_MS, tp - half);
        double baseLat = mean(t, gLat, tp - half - BASELINE_MS, tp - half);
        double dvLong = 0;
        double dvLat = 0;
        for (int k = Signals.indexAtOrAfter(t, tp - half);
                k + 1 < t.length && t[k + 1] <= tp + half;
                k++) {
            double dt = (t[k + 1] - t[k]) / 1000.0;
            dvLong += ((gLong[k] + gLong[k + 1]) / 2 - baseLong) * dt;
            dvLat += ((gLat[k] + gLat[k + 1]) / 2 - baseLat) * dt;
        }
        double deltaVKmh = Math.hypot(dvLong, dvLat) * Signals.KMH_PER_G_SECOND;
        if (deltaVKmh < rule.minDeltaVKmh()) {
            return null;
        }
        Double before = null;
        Double after = null;
        if (speedKmh != null) {
            int at = Signals.indexAtOrAfter(t, tp - half - BASELINE_MS);
            before = speedKmh[Math.min(t.length - 1, at)];
            after = before;
            for (int k = Signals.indexAtOrAfter(t, tp);
                    k < t.length && t[k] <= tp + SLOWDOWN_MS;
                    k++) {
                after = Math.min(after, speedKmh[k]);
            }
            if (before - after < Math.min(rule.minDeltaVKmh(), before)) {
                return null; // it kept going: not a collision
            }
        }
        double peakG = Math.hypot(gLong[peak], gLat[peak]);
        boolean major = peakG >= rule.majorG();
        return new DrivingEvent(
                EventType.CRASH,
                t[first],
                Math.max(t[first], t[last]),
                peakG,
                major ? Severity.SEVERE : Severity.HARSH,
                new CrashImpact(peakG, deltaVKmh, before, after, major));
    }

    /** Whether the vertical peak around the impact exceeds its horizontal peak. */
    private static boolean mostlyVertical(
            long[] t, double[] gVert, int peak, double horizontal2, long half) {
        if (gVert == null) {
            return false;
        }
        double vertical = 0;
        for (int k = Signals.indexAtOrAfter(t, t[peak] - half);
                k < t.length && t[k] <= t[peak] + half;
                k++) {
            vertical = Math.max(vertical, Math.abs(gVert[k]));
        }
        return vertical * vertical > horizontal2;
    }

    private static double mean(long[] t, double[] x, long fromMs, long toMs) {
        double sum = 0;
        int count = 0;
        for (int k = Signals.indexAtOrAfter(t, fromMs); k < t.length && t[k] < toMs; k++) {
            sum += x[k];
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }
}
