package io.fleetflow.scoring;

import io.fleetflow.model.EventType;
import io.fleetflow.model.TripSamples;
import io.fleetflow.scoring.AxisEventDetector.Polarity;
import io.fleetflow.scoring.AxisEventDetector.Run;
import io.fleetflow.scoring.ManoeuvreResolver.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The risk model (docs/scoring.md): smooths both g channels over a fixed time window, detects
 * braking, acceleration and cornering manoeuvres with per-type thresholds, hysteresis, minimum
 * duration and merge gap, keeps one event per manoeuvre on its dominant axis, adds speeding spells,
 * and scores {@code 100 − Σ weight(type) × events per 100 km}, with short trips counted as {@link
 * ScoringConfig#minExposureKm()} long. Pure, thread-safe and serializable.
 */
public final class RiskModelScorer implements TripScorer {

    /** Names the algorithm; bumped when the detection logic (not just a parameter) changes. */
    public static final String MODEL = "risk-model-1";

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

    @Override
    public TripScore score(TripSamples samples) {
        long[] t = Signals.timeline(samples);
        List<DrivingEvent> events = detectEvents(samples, t);
        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            counts.put(type, 0);
        }
        for (DrivingEvent e : events) {
            counts.merge(e.type(), 1, Integer::sum);
        }
        TripMetrics metrics = TripMetrics.of(samples);
        return new TripScore(
                safetyScore(counts, metrics.distanceKm()),
                counts.get(EventType.HARSH_BRAKING),
                counts.get(EventType.RAPID_ACCELERATION),
                counts.get(EventType.HARSH_CORNERING),
                counts.get(EventType.SPEEDING),
                counts.get(EventType.CRASH),
                secondsAbove(t, samples.speedKmh(), config.speeding().limitKmh()),
                metrics,
                TripSensing.NONE,
                events,
                version());
    }

    /** Every event of the trip in order of start time; the detection pass without the metrics. */
    public List<DrivingEvent> detectEvents(TripSamples samples, long[] t) {
        double period = Signals.typicalPeriodMs(samples, t);
        int n = samples.size();
        long window = config.smoothingWindowMs();
        double[] gLong = new double[n];
        double[] gLat = new double[n];
        Signals.movingAverages(t, samples.gForceLong(), samples.gForceLat(), window, gLong, gLat);

        List<Candidate> candidates = new ArrayList<>();
        addCandidates(EventType.HARSH_BRAKING, t, gLong, Polarity.NEGATIVE, period, candidates);
        addCandidates(
                EventType.RAPID_ACCELERATION, t, gLong, Polarity.POSITIVE, period, candidates);
        addCandidates(EventType.HARSH_CORNERING, t, gLat, Polarity.ABSOLUTE, period, candidates);
        List<DrivingEvent> events = new ArrayList<>(ManoeuvreResolver.resolve(candidates));

        SpeedingRule speeding = config.speeding();
        AxisEventDetector speedDetector =
                new AxisEventDetector(
                        Math.nextUp(speeding.limitKmh()),
                        Math.nextUp(speeding.limitKmh()),
                        speeding.minDurationMs(),
                        speeding.mergeGapMs());
        for (Run run : speedDetector.detect(t, samples.speedKmh(), Polarity.POSITIVE, period)) {
            events.add(
                    new DrivingEvent(
                            EventType.SPEEDING,
                            run.startMs(),
                            run.endMs(),
                            run.peak(),
                            speeding.severityOf(run.peak())));
        }
        events.sort(Comparator.comparingLong(DrivingEvent::startMs));
        return events;
    }

    private void addCandidates(
            EventType type,
            long[] t,
            double[] signal,
            Polarity polarity,
            double period,
            List<Candidate> out) {
        EventRule rule = config.rule(type);
        for (Run run : AxisEventDetector.of(rule).detect(t, signal, polarity, period)) {
            DrivingEvent event =
                    new DrivingEvent(
                            type,
                            run.startMs(),
                            run.endMs(),
                            run.peak(),
                            rule.severityOf(run.peak()));
            out.add(new Candidate(event));
        }
    }

    /** {@code 100 − Σ weight × count × 100 / max(distance, minExposure)}, rounded, in 0..100. */
    int safetyScore(Map<EventType, Integer> counts, double distanceKm) {
        double exposureKm = Math.max(distanceKm, config.minExposureKm());
        double penalty = 0;
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
