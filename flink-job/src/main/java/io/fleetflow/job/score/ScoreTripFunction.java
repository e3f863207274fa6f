package io.fleetflow.job.score;

import io.fleetflow.job.failure.FailureKind;
import io.fleetflow.job.failure.TripFailure;
import io.fleetflow.job.lookup.LookedUpTrip;
import io.fleetflow.model.EventType;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.MalformedBlobException;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.model.registry.VehicleClass;
import io.fleetflow.model.review.DismissalMatcher;
import io.fleetflow.model.review.ReviewStatus;
import io.fleetflow.scoring.ClassScorers;
import io.fleetflow.scoring.DrivingEvent;
import io.fleetflow.scoring.TripScore;
import io.fleetflow.scoring.TripScorer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a looked-up trip's blob and scores it. Trips that cannot be scored (unreadable blob, a
 * scorer error, a lookup timeout) go to {@link #FAILURES} with their reason instead of failing the
 * job; unknown trip ids are counted and dropped, as there is no row to mark.
 *
 * <p>Metrics: {@code tripsScored}, {@code tripsFailed.<reason>} (see {@link FailureKind}) and
 * {@code harshEvents.<EventType>}.
 */
public class ScoreTripFunction extends ProcessFunction<LookedUpTrip, ScoredTrip> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ScoreTripFunction.class);

    public static final OutputTag<TripFailure> FAILURES = new OutputTag<>("trip-failures") {};

    private final ClassScorers scorers;
    private transient Counter scored;
    private transient Map<FailureKind, Counter> failed;
    private transient Map<EventType, Counter> events;

    public ScoreTripFunction(ClassScorers scorers) {
        this.scorers = scorers;
    }

    /** One scorer whatever the vehicle (tests). */
    public ScoreTripFunction(TripScorer scorer) {
        this(ClassScorers.same(scorer));
    }

    @Override
    public void open(Configuration parameters) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        scored = metrics.counter("tripsScored");
        failed = new EnumMap<>(FailureKind.class);
        MetricGroup failedGroup = metrics.addGroup("tripsFailed");
        for (FailureKind kind : FailureKind.values()) {
            failed.put(kind, failedGroup.counter(kind.metricName()));
        }
        events = new EnumMap<>(EventType.class);
        MetricGroup eventGroup = metrics.addGroup("harshEvents");
        for (EventType type : EventType.values()) {
            events.put(type, eventGroup.counter(type.name()));
        }
    }

    @Override
    public void processElement(LookedUpTrip trip, Context ctx, Collector<ScoredTrip> out) {
        if (trip.isFailure()) {
            fail(ctx, trip.tripId, trip.failureKind, trip.failureReason);
            return;
        }
        TripScorer scorer =
                scorers.forClass(
                        trip.vehicleClass == null
                                ? VehicleClass.DEFAULT
                                : VehicleClass.fromWireName(trip.vehicleClass)
                                        .orElse(VehicleClass.DEFAULT));
        TripScore score;
        try {
            TripSamples samples = TripBlobCodec.decode(trip.blob);
            score = scorer.score(samples);
            if (trip.dismissedTypes != null && trip.dismissedTypes.length > 0) {
                Set<DrivingEvent> dismissed = dismissedEvents(trip, score.events());
                if (!dismissed.isEmpty()) {
                    score = scorer.scoreExcluding(samples, dismissed::contains);
                }
            }
        } catch (MalformedBlobException e) {
            fail(
                    ctx,
                    trip.tripId,
                    FailureKind.UNREADABLE_BLOB,
                    "stored telemetry is unreadable: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.warn("Scorer {} failed on trip {}", scorer.version(), trip.tripId, e);
            fail(ctx, trip.tripId, FailureKind.SCORING_ERROR, "scoring failed: " + e);
            return;
        }
        scored.inc();
        score.events().forEach(e -> events.get(e.type()).inc());
        out.collect(
                ScoredTrip.of(trip.tripId, trip.driverId, trip.vehicleId, trip.startedAtMs, score));
    }

    /**
     * The detected events a safety manager dismissed: the trip's dismissed reviews matched to them
     * by type and overlapping time ({@link DismissalMatcher}), so a dismissal survives re-scoring.
     */
    static Set<DrivingEvent> dismissedEvents(LookedUpTrip trip, List<DrivingEvent> events) {
        List<DismissalMatcher.Review> reviews = new ArrayList<>();
        for (int i = 0; i < trip.dismissedTypes.length; i++) {
            reviews.add(
                    new DismissalMatcher.Review(
                            trip.dismissedTypes[i],
                            trip.dismissedStartMs[i],
                            trip.dismissedEndMs[i],
                            ReviewStatus.DISMISSED));
        }
        List<DismissalMatcher.Event> detected = new ArrayList<>();
        for (int seq = 0; seq < events.size(); seq++) {
            DrivingEvent e = events.get(seq);
            detected.add(new DismissalMatcher.Event(seq, e.type().name(), e.startMs(), e.endMs()));
        }
        Set<DrivingEvent> dismissed = new HashSet<>();
        for (int seq : DismissalMatcher.dismissedSeqs(reviews, detected)) {
            dismissed.add(events.get(seq));
        }
        return dismissed;
    }

    private void fail(Context ctx, String tripId, FailureKind kind, String reason) {
        failed.get(kind).inc();
        if (tripId == null) {
            LOG.warn("Dropped a message that names no trip: {}", reason);
            return;
        }
        ctx.output(FAILURES, new TripFailure(tripId, reason));
    }
}
