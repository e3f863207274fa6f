package io.fleetflow.job.scoring;

import io.fleetflow.job.lookup.LookedUpTrip;
import io.fleetflow.model.MalformedBlobException;
import io.fleetflow.model.TripBlobCodec;
import io.fleetflow.model.TripSamples;
import io.fleetflow.scoring.TripScore;
import io.fleetflow.scoring.TripScorer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a looked-up trip's blob and scores it. Trips that cannot be scored (unreadable blob) go
 * to {@link #FAILURES} with their reason instead of failing the job; messages that name no trip are
 * counted and dropped, as there is no row to mark.
 */
public class ScoreTripFunction extends ProcessFunction<LookedUpTrip, ScoredTrip> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ScoreTripFunction.class);

    public static final OutputTag<TripFailure> FAILURES = new OutputTag<>("trip-failures") {};

    private final TripScorer scorer;
    private transient Counter scored;
    private transient Counter failed;
    private transient Counter unrecordable;

    public ScoreTripFunction(TripScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public void open(Configuration parameters) {
        scored = getRuntimeContext().getMetricGroup().counter("tripsScored");
        failed = getRuntimeContext().getMetricGroup().counter("tripsFailed");
        unrecordable = getRuntimeContext().getMetricGroup().counter("messagesWithoutTrip");
    }

    @Override
    public void processElement(LookedUpTrip trip, Context ctx, Collector<ScoredTrip> out) {
        if (trip.isFailure() && trip.tripId == null) {
            unrecordable.inc();
            LOG.warn("Dropped a message that names no trip: {}", trip.failureReason);
            return;
        }
        if (trip.isFailure()) {
            fail(ctx, trip.tripId, trip.failureReason);
            return;
        }
        TripSamples samples;
        try {
            samples = TripBlobCodec.decode(trip.blob);
        } catch (MalformedBlobException e) {
            fail(ctx, trip.tripId, "stored telemetry is unreadable: " + e.getMessage());
            return;
        }
        TripScore score = scorer.score(samples);
        scored.inc();
        out.collect(
                ScoredTrip.of(trip.tripId, trip.driverId, trip.vehicleId, trip.startedAtMs, score));
    }

    private void fail(Context ctx, String tripId, String reason) {
        failed.inc();
        ctx.output(FAILURES, new TripFailure(tripId, reason));
    }
}
