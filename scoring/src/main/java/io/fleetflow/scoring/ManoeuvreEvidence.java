package io.fleetflow.scoring;

import io.fleetflow.model.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * Which segments are harsh events. A manoeuvre needs
 *
 * <ul>
 *   <li>its peak at or beyond its type's threshold and the type's minimum duration;
 *   <li>the type's minimum energy over its lobe: a bump or a touched device is over too soon to
 *       change the speed by much;
 *   <li>not to be a rebound: an opposite longitudinal pulse that starts within the rebound window
 *       after the previous longitudinal manoeuvre ends, carries less energy than it and peaks below
 *       {@link #REBOUND_PEAK_RATIO} of its peak belongs to that manoeuvre (the vehicle pitching
 *       back, a phone's lagging gravity estimate: 30–60 % of the peak in phone data);
 *   <li>where the trip has usable speed, braking and acceleration must show in it: over the
 *       manoeuvre and a second either side, the speed changes in the manoeuvre's direction by at
 *       least {@link #SPEED_AGREEMENT} of what the longitudinal accelerometer integrates to over
 *       the same window. What the vehicle did anyway (speed keeping, a slow launch) is in both and
 *       cancels; a bump, a rebound or a turn leaking onto a turned mount is only in the
 *       accelerometer.
 * </ul>
 */
public final class ManoeuvreEvidence {

    /**
     * A rebound peaks below this share of the manoeuvre it follows; a driver who brakes hard and
     * then floors it is doing two things.
     */
    public static final double REBOUND_PEAK_RATIO = 0.75;

    /** Share of the accelerometer's change of speed the reported speed must confirm. */
    public static final double SPEED_AGREEMENT = 0.5;

    /**
     * Slack around the lobe when reading the speed, for a GPS speed that lags or updates once a
     * second. In ms.
     */
    static final long SPEED_SLACK_MS = 1_000;

    private ManoeuvreEvidence() {}

    /**
     * The manoeuvres that count, in order of time.
     *
     * @param gLong the smoothed longitudinal g the segments were found on
     * @param speedKmh the reported speed, or {@code null} when the trip has no usable speed
     */
    public static List<Manoeuvre> harsh(
            List<Manoeuvre> segments,
            ScoringConfig config,
            long[] t,
            double[] gLong,
            double[] speedKmh) {
        List<Manoeuvre> kept = new ArrayList<>();
        Manoeuvre lastLongitudinal = null;
        for (Manoeuvre m : segments) {
            boolean rebound =
                    m.longitudinal() && isReboundOf(m, lastLongitudinal, config.reboundWindowMs());
            if (m.longitudinal() && !rebound) {
                lastLongitudinal = m;
            }
            EventRule rule = config.rule(m.type());
            if (rebound
                    || m.peakG() < rule.thresholdG()
                    || m.durationMs() < rule.minDurationMs()
                    || m.energyGs() < rule.minEnergyGs()) {
                continue;
            }
            if (m.longitudinal() && speedKmh != null && !speedAgrees(m, t, gLong, speedKmh)) {
                continue;
            }
            kept.add(m);
        }
        return kept;
    }

    static boolean isReboundOf(Manoeuvre m, Manoeuvre before, long windowMs) {
        return before != null
                && before.type() != m.type()
                && m.startMs() - before.endMs() <= windowMs
                && m.energyGs() < before.energyGs()
                && m.peakG() < REBOUND_PEAK_RATIO * before.peakG();
    }

    /** Whether the reported speed changed as the accelerometer says it did. */
    static boolean speedAgrees(Manoeuvre m, long[] t, double[] gLong, double[] speedKmh) {
        int from = Signals.indexAtOrAfter(t, m.startMs() - SPEED_SLACK_MS);
        int to = Math.min(t.length - 1, Signals.indexAtOrAfter(t, m.endMs() + SPEED_SLACK_MS));
        if (to <= from) {
            return true;
        }
        double integral = 0;
        for (int i = from; i < to; i++) {
            integral += (gLong[i] + gLong[i + 1]) / 2 * (t[i + 1] - t[i]) / 1000.0;
        }
        double sign = m.type() == EventType.HARSH_BRAKING ? -1 : 1;
        double accelerometerKmh = sign * integral * Signals.KMH_PER_G_SECOND;
        double speedKmhChange = sign * (speedKmh[to] - speedKmh[from]);
        return accelerometerKmh <= 0 || speedKmhChange >= SPEED_AGREEMENT * accelerometerKmh;
    }
}
