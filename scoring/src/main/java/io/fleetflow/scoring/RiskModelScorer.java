package io.fleetflow.scoring;

import io.fleetflow.model.EventType;
import io.fleetflow.model.TripSamples;
import io.fleetflow.scoring.AxisEventDetector.Polarity;
import io.fleetflow.scoring.AxisEventDetector.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The risk model (docs/scoring.md). Turns the g channels back by the device's estimated mounting
 * yaw when the trip's speed supports an estimate ({@link MountAlignment}), smooths them over a
 * fixed time window, segments manoeuvres on the horizontal acceleration vector and types each by
 * its dominant direction ({@link ManoeuvreSegmenter}), keeps those with the evidence of a harsh
 * manoeuvre that are not a rebound ({@link ManoeuvreEvidence}), looks for collisions on the raw
 * signal at 25 Hz or faster ({@link CrashDetector}), adds speeding spells, and scores {@code 100 −
 * Σ weight(type) × events per 100 km − crash penalties}, with short trips counted as {@link
 * ScoringConfig#minExposureKm()} long. Pure, thread-safe and serializable.
 */
public final class RiskModelScorer implements TripScorer {

    /** Names the algorithm; bumped when the detection logic (not just a parameter) changes. */
    public static final String MODEL = "risk-model-2";

    private final ScoringConfig config;

    public RiskModelScorer() {
        this(ScoringConfig.DEFAULTS);
    }

    public RiskModelScorer(ScoringConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public ScoringConfig config() {
        return config;
    }

    /** Every event of a trip in order of start time, and what the data allowed. */
    public record Detection(List<DrivingEvent> events, TripSensing sensing) {}

    @Override
    public TripScore score(TripSamples samples) {
        return scoreExcluding(samples, e -> false);
    }

    /** Dismissed events stay listed but are not counted: neither in the counts nor the score. */
    @Override
    public TripScore scoreExcluding(TripSamples samples, Predicate<DrivingEvent> dismissed) {
        long[] t = Signals.timeline(samples);
        Detection detection = detect(samples, t);
        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            counts.put(type, 0);
        }
        double crashPenalty = 0;
        for (DrivingEvent e : detection.events()) {
            if (dismissed.test(e)) {
                continue;
            }
            counts.merge(e.type(), 1, Integer::sum);
            if (e.impact() != null) {
                crashPenalty += config.crash().penalty(e.impact().major());
            }
        }
        TripMetrics metrics = TripMetrics.of(samples, t);
        return new TripScore(
                safetyScore(counts, metrics.distanceKm(), crashPenalty),
                counts.get(EventType.HARSH_BRAKING),
                counts.get(EventType.RAPID_ACCELERATION),
                counts.get(EventType.HARSH_CORNERING),
                counts.get(EventType.SPEEDING),
                counts.get(EventType.CRASH),
                secondsAbove(t, samples.speedKmh(), config.speeding().limitKmh()),
                metrics,
                detection.sensing(),
                detection.events(),
                version());
    }

    /** Every event of the trip in order of start time; the detection pass without the metrics. */
    public List<DrivingEvent> detectEvents(TripSamples samples, long[] t) {
        return detect(samples, t).events();
    }

    /** The detection pass: events and what the data allowed. */
    public Detection detect(TripSamples samples, long[] t) {
        double period = Signals.typicalPeriodMs(samples, t);
        int n = samples.size();
        double[] speed = samples.speedKmh();
        double[] rawLong = samples.gForceLong();
        double[] rawLat = samples.gForceLat();
        boolean speedUsable = Signals.speedVaries(speed);
        Double yawDeg =
                speedUsable ? MountAlignment.estimateYawDeg(t, speed, rawLong, rawLat) : null;
        double[] gLong = new double[n];
        double[] gLat = new double[n];
        Signals.movingAverages(t, rawLong, rawLat, config.smoothingWindowMs(), gLong, gLat);
        if (yawDeg != null) {
            // Turning commutes with averaging, so the smoothed channels are turned, not the raw
            // ones; crash detection looks only at the horizontal magnitude, which turning keeps.
            MountAlignment.undo(yawDeg, gLong, gLat);
        }

        List<DrivingEvent> events = new ArrayList<>();
        List<Manoeuvre> segments = ManoeuvreSegmenter.segment(t, gLong, gLat, config, period);
        for (Manoeuvre m :
                ManoeuvreEvidence.harsh(segments, config, t, gLong, speedUsable ? speed : null)) {
            EventRule rule = config.rule(m.type());
            events.add(
                    new DrivingEvent(
                            m.type(),
                            m.startMs(),
                            m.endMs(),
                            m.peakG(),
                            rule.severityOf(m.peakG())));
        }
        boolean crashDetection = n > 1 && period > 0 && 1000.0 / period >= MIN_CRASH_RATE;
        if (crashDetection) {
            events.addAll(
                    CrashDetector.detect(
                            t,
                            rawLong,
                            rawLat,
                            speedUsable ? speed : null,
                            samples.gForceVert(),
                            config.crash()));
        }
        addSpeeding(t, speed, period, events);
        events.sort(Comparator.comparingLong(DrivingEvent::startMs));
        return new Detection(events, new TripSensing(yawDeg, crashDetection));
    }

    /** The slowest rate crashes are looked for at, with 2 % slack for a device's clock. In Hz. */
    private static final double MIN_CRASH_RATE = ScoringConfig.MIN_CRASH_RATE_HZ * 0.98;

    private void addSpeeding(long[] t, double[] speed, double period, List<DrivingEvent> events) {
        SpeedingRule speeding = config.speeding();
        AxisEventDetector speedDetector =
                new AxisEventDetector(
                        Math.nextUp(speeding.limitKmh()),
                        Math.nextUp(speeding.limitKmh()),
                        speeding.minDurationMs(),
                        speeding.mergeGapMs());
        for (Run run : speedDetector.detect(t, speed, Polarity.POSITIVE, period)) {
            events.add(
                    new DrivingEvent(
                            EventType.SPEEDING,
                            run.startMs(),
                            run.endMs(),
                            run.peak(),
                            speeding.severityOf(run.peak())));
        }
    }

    /**
     * {@code 100 − Σ weight × count × 100 / max(distance, minExposure) − crash penalties}, rounded,
     * in 0..100.
     */
    int safetyScore(Map<EventType, Integer> counts, double distanceKm, double crashPenalty) {
        double exposureKm = Math.max(distanceKm, config.minExposureKm());
        double penalty = crashPenalty;
        for (Map.Entry<EventType, Integer> e : counts.entrySet()) {
            penalty += config.weight(e.getKey()) * e.getValue() * 100.0 / exposureKm;
        }
        long score = Math.round(100 - penalty);
        return (int) Math.max(0, Math.min(100, score));
    }

    /** Time spent above {@code limit}: each interval counts when it starts above the limit. */
    static double secondsAbove(long[] t, double[] speed, double limit) {
        long ms = 0;
        for (int i = 1; i < speed.length; i++) {
            if (speed[i - 1] > limit) {
                ms += t[i] - t[i - 1];
            }
        }
        return ms / 1000.0;
    }

    @Override
    public String version() {
        return MODEL + "/" + config.tag();
    }
}
