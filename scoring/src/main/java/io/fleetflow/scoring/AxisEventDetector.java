package io.fleetflow.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds manoeuvres on one signal: a run starts when the value reaches {@code startLevel}, lasts
 * while it stays at or above {@code releaseLevel} (hysteresis), runs closer than {@code mergeGapMs}
 * are merged, and merged runs shorter than {@code minDurationMs} are dropped. All lengths are in ms
 * from the samples' times, so the result does not depend on the sample rate.
 *
 * <p>A run's length counts each sample as covering one typical sample period, so at 1 Hz a single
 * sample beyond the threshold stands for one second. A pause in the recording longer than the merge
 * gap (and two sample periods) ends a run.
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
        boolean negate = polarity == Polarity.NEGATIVE;
        boolean absolute = polarity == Polarity.ABSOLUTE;
        boolean inRun = false;
        int first = 0;
        int last = 0;
        double peak = 0;
        Pending pending = new Pending(periodMs);
        for (int i = 0; i < x.length; i++) {
            double v = absolute ? Math.abs(x[i]) : negate ? -x[i] : x[i];
            if (inRun) {
                if (v >= releaseLevel && t[i] - t[last] <= breakGapMs) {
                    last = i;
                    if (v > peak) {
                        peak = v;
                    }
                    continue;
                }
                pending.add(t[first], t[last], peak, runs);
                inRun = false;
            }
            if (v >= startLevel) {
                inRun = true;
                first = i;
                last = i;
                peak = v;
            }
        }
        if (inRun) {
            pending.add(t[first], t[last], peak, runs);
        }
        pending.flush(runs);
        return runs;
    }

    /** The last closed run, held back until we know whether the next one merges into it. */
    private final class Pending {
        private final double periodMs;
        private boolean present;
        private long startMs;
        private long endMs;
        private double peak;

        Pending(double periodMs) {
            this.periodMs = periodMs;
        }

        void add(long runStartMs, long runEndMs, double runPeak, List<Run> out) {
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
            if (present && endMs - startMs + periodMs >= minDurationMs) {
                out.add(new Run(startMs, endMs, peak));
            }
            present = false;
        }
    }
}
