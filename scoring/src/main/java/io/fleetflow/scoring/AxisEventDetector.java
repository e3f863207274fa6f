package io.fleetflow.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds manoeuvres on one signal: a run starts when the value reaches {@code startLevel}, lasts
 * while it stays at or above {@code releaseLevel} (hysteresis), runs closer than {@code mergeGapMs}
 * are merged, and merged runs shorter than {@code minDurationMs} are dropped. All lengths are in ms
 * from the samples' times, so the result does not depend on the sample rate.
 *
 * <p>A run starts where the signal crosses {@code startLevel} and ends where it falls through
 * {@code releaseLevel}, both placed by linear interpolation between the neighbouring samples, so
 * the measured length does not shrink or grow with the sampling grid (a spike seen by one sample at
 * 1 Hz still has a length). A pause in the recording longer than the merge gap (and two sample
 * periods) ends a run and is never interpolated across.
 */
public final class AxisEventDetector {

    /** A detected run, in ms since trip start, with its peak value. */
    public record Run(long startMs, long endMs, double peak) {}

    /** Which part of the signal is examined. */
    public enum Polarity {
        /** The value itself, e.g. acceleration on {@code g_force_long}. */
        POSITIVE,
        /** The negated value, e.g. braking on {@code g_force_long}. */
        NEGATIVE,
        /** The magnitude, e.g. cornering on {@code g_force_lat}. */
        ABSOLUTE
    }

    private final double startLevel;
    private final double releaseLevel;
    private final long minDurationMs;
    private final long mergeGapMs;

    public AxisEventDetector(
            double startLevel, double releaseLevel, long minDurationMs, long mergeGapMs) {
        if (!(releaseLevel <= startLevel)) {
            throw new IllegalArgumentException("releaseLevel must not exceed startLevel");
        }
        this.startLevel = startLevel;
        this.releaseLevel = releaseLevel;
        this.minDurationMs = minDurationMs;
        this.mergeGapMs = mergeGapMs;
    }

    /** A detector for a g-force rule. */
    public static AxisEventDetector of(EventRule rule) {
        return new AxisEventDetector(
                rule.thresholdG(), rule.releaseG(), rule.minDurationMs(), rule.mergeGapMs());
    }

    /**
     * @param t sample times in ms, non-decreasing
     * @param x the signal, same length as {@code t}
     * @param periodMs the typical sample period, see {@link Signals#typicalPeriodMs}
     */
    public List<Run> detect(long[] t, double[] x, Polarity polarity, double periodMs) {
        List<Run> runs = new ArrayList<>();
        long breakGapMs = Math.max(mergeGapMs, (long) Math.ceil(2 * periodMs));
        double sign = polarity == Polarity.NEGATIVE ? -1 : 1;
        boolean absolute = polarity == Polarity.ABSOLUTE;
        int n = x.length;
        Pending pending = new Pending();
        int i = nextStart(x, 0, polarity);
        while (i < n) {
            int first = i;
            int last = i;
            double peak = absolute ? Math.abs(x[i]) : sign * x[i];
            for (i = i + 1; i < n; i++) {
                double v = absolute ? Math.abs(x[i]) : sign * x[i];
                if (v < releaseLevel || t[i] - t[last] > breakGapMs) {
                    break;
                }
                last = i;
                peak = Math.max(peak, v);
            }
            closeRun(t, x, sign, absolute, first, last, breakGapMs, peak, pending, runs);
            i = nextStart(x, i, polarity);
        }
        pending.flush(runs);
        return runs;
    }

    /**
     * The first index from {@code from} where a run starts, or {@code x.length}. Most samples are
     * quiet, so this tight loop, one per polarity, is where detection spends its time.
     */
    private int nextStart(double[] x, int from, Polarity polarity) {
        int n = x.length;
        double level = startLevel;
        switch (polarity) {
            case POSITIVE -> {
                for (int i = from; i < n; i++) {
                    if (x[i] >= level) {
                        return i;
                    }
                }
            }
            case NEGATIVE -> {
                double negated = -level;
                for (int i = from; i < n; i++) {
                    if (x[i] <= negated) {
                        return i;
                    }
                }
            }
            case ABSOLUTE -> {
                for (int i = from; i < n; i++) {
                    if (Math.abs(x[i]) >= level) {
                        return i;
                    }
                }
            }
        }
        return n;
    }

    private void closeRun(
            long[] t,
            double[] x,
            double sign,
            boolean absolute,
            int first,
            int last,
            long breakGapMs,
            double peak,
            Pending pending,
            List<Run> out) {
        double startMs = t[first];
        if (first > 0 && t[first] - t[first - 1] <= breakGapMs) {
            double before = absolute ? Math.abs(x[first - 1]) : sign * x[first - 1];
            double at = absolute ? Math.abs(x[first]) : sign * x[first];
            startMs = crossing(t[first - 1], before, t[first], at, startLevel);
        }
        double endMs = t[last];
        if (last + 1 < x.length && t[last + 1] - t[last] <= breakGapMs) {
            double at = absolute ? Math.abs(x[last]) : sign * x[last];
            double after = absolute ? Math.abs(x[last + 1]) : sign * x[last + 1];
            endMs = crossing(t[last], at, t[last + 1], after, releaseLevel);
        }
        pending.add(startMs, endMs, peak, out);
    }

    /** Where the straight line from (t0, v0) to (t1, v1) passes {@code level}, within [t0, t1]. */
    private static double crossing(long t0, double v0, long t1, double v1, double level) {
        double dv = v1 - v0;
        if (dv == 0) {
            return t1;
        }
        double f = (level - v0) / dv;
        return t0 + Math.max(0, Math.min(1, f)) * (t1 - t0);
    }

    /** The last closed run, held back until we know whether the next one merges into it. */
    private final class Pending {
        private boolean present;
        private double startMs;
        private double endMs;
        private double peak;

        void add(double runStartMs, double runEndMs, double runPeak, List<Run> out) {
            if (present && runStartMs - endMs <= mergeGapMs) {
                endMs = runEndMs;
                peak = Math.max(peak, runPeak);
                return;
            }
            flush(out);
            present = true;
            startMs = runStartMs;
            endMs = runEndMs;
            peak = runPeak;
        }

        void flush(List<Run> out) {
            if (present && endMs - startMs >= minDurationMs) {
                out.add(new Run(Math.round(startMs), Math.round(endMs), peak));
            }
            present = false;
        }
    }
}
