package io.fleetflow.scoring;

import io.fleetflow.model.EventType;
import io.fleetflow.scoring.AxisEventDetector.Polarity;
import io.fleetflow.scoring.AxisEventDetector.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds manoeuvres on the horizontal acceleration vector, longitudinal and lateral together, and
 * types each one by where that vector pointed over the whole manoeuvre.
 *
 * <p>Each sample's intensity is the largest of its three directional components, each divided by
 * its type's threshold: braking {@code −long / braking}, acceleration {@code +long / acceleration},
 * cornering {@code |lat| / cornering} (a sector of the plane per type, scaled so that 1 is "at the
 * threshold"). A manoeuvre is a run of intensity from 1 down to the release ratio, runs closer than
 * the merge gap joined. Its type is the direction with the most energy relative to its threshold,
 * {@code ∫ component dt / threshold}, over the whole run: braking into a turn is one event of
 * whichever dominates, a device that leaks some of a turn onto its longitudinal axis still reports
 * a turn, and a rebound that follows within the merge gap is part of the braking it follows.
 */
public final class ManoeuvreSegmenter {

    private static final List<EventType> TYPES =
            List.of(
                    EventType.HARSH_BRAKING,
                    EventType.RAPID_ACCELERATION,
                    EventType.HARSH_CORNERING);

    private ManoeuvreSegmenter() {}

    /**
     * Every segment, typed, in order of time, before any evidence rule.
     *
     * @param gLong smoothed longitudinal g
     * @param gLat smoothed lateral g
     */
    public static List<Manoeuvre> segment(
            long[] t, double[] gLong, double[] gLat, ScoringConfig config, double periodMs) {
        int n = t.length;
        double perBrakingG = 1 / config.braking().thresholdG();
        double perAccelerationG = 1 / config.acceleration().thresholdG();
        double perCorneringG = 1 / config.cornering().thresholdG();
        double[] intensity = new double[n];
        for (int i = 0; i < n; i++) {
            double l = gLong[i];
            double along = l >= 0 ? l * perAccelerationG : -l * perBrakingG;
            intensity[i] = Math.max(along, Math.abs(gLat[i]) * perCorneringG);
        }
        double release = 1;
        long mergeGap = Long.MAX_VALUE;
        for (EventType type : TYPES) {
            release = Math.min(release, config.rule(type).releaseRatio());
            mergeGap = Math.min(mergeGap, config.rule(type).mergeGapMs());
        }
        AxisEventDetector runs = new AxisEventDetector(1, release, 0, mergeGap);
        long breakGapMs = Math.max(mergeGap, (long) Math.ceil(2 * periodMs));
        List<Manoeuvre> out = new ArrayList<>();
        for (Run run : runs.detect(t, intensity, Polarity.POSITIVE, periodMs)) {
            out.add(typed(t, gLong, gLat, run, config, breakGapMs));
        }
        return out;
    }

    private static Manoeuvre typed(
            long[] t,
            double[] gLong,
            double[] gLat,
            Run run,
            ScoringConfig config,
            long breakGapMs) {
        double braking = 0;
        double acceleration = 0;
        double cornering = 0;
        double peakBraking = 0;
        double peakAcceleration = 0;
        double peakCornering = 0;
        int first = Signals.indexAtOrAfter(t, run.startMs());
        for (int i = first; i < t.length && t[i] <= run.endMs(); i++) {
            double l = gLong[i];
            double a = Math.abs(gLat[i]);
            peakBraking = Math.max(peakBraking, -l);
            peakAcceleration = Math.max(peakAcceleration, l);
            peakCornering = Math.max(peakCornering, a);
            if (i + 1 < t.length && t[i + 1] <= run.endMs() && t[i + 1] - t[i] <= breakGapMs) {
                double dt = (t[i + 1] - t[i]) / 1000.0;
                double lMean = (l + gLong[i + 1]) / 2;
                braking += Math.max(0, -lMean) * dt;
                acceleration += Math.max(0, lMean) * dt;
                cornering += (a + Math.abs(gLat[i + 1])) / 2 * dt;
            }
        }
        double dBraking = braking / config.braking().thresholdG();
        double dAcceleration = acceleration / config.acceleration().thresholdG();
        double dCornering = cornering / config.cornering().thresholdG();
        EventType type;
        double peak;
        double sign;
        if (dCornering > dBraking && dCornering > dAcceleration) {
            type = EventType.HARSH_CORNERING;
            peak = peakCornering;
            sign = 0;
        } else if (dBraking >= dAcceleration) {
            type = EventType.HARSH_BRAKING;
            peak = peakBraking;
            sign = -1;
        } else {
            type = EventType.RAPID_ACCELERATION;
            peak = peakAcceleration;
            sign = 1;
        }
        double energy = sign < 0 ? braking : sign > 0 ? acceleration : cornering;
        return new Manoeuvre(type, run.startMs(), run.endMs(), peak, energy);
    }
}
