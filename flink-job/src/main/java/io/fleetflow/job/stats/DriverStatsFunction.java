package io.fleetflow.job.stats;

import io.fleetflow.job.scoring.ScoredTrip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps each driver's rolling statistics over a window of trip time and emits them after every
 * trip. Keyed by driver id.
 *
 * <p>State is a map from trip id to the trip's contribution, so a trip delivered twice (a replay
 * after a restore, or a redelivery of a finished trip) replaces itself instead of counting twice.
 * Trips that fall out of the window are removed when a newer trip arrives; state of drivers who
 * stop driving expires through state TTL (window length, processing time). No timers are used.
 */
public class DriverStatsFunction extends KeyedProcessFunction<String, ScoredTrip, DriverStats> {
    private static final long serialVersionUID = 1L;

    private final int windowDays;

    private transient MapState<String, TripContribution> tripsInWindow;
    private transient ValueState<Long> latestTripStartMs;
    private transient Counter outsideWindow;

    public DriverStatsFunction(int windowDays) {
        this.windowDays = windowDays;
    }

    @Override
    public void open(Configuration parameters) {
        StateTtlConfig ttl =
                StateTtlConfig.newBuilder(Duration.ofDays(windowDays))
                        .updateTtlOnCreateAndWrite()
                        .neverReturnExpired()
                        .build();
        MapStateDescriptor<String, TripContribution> trips =
                new MapStateDescriptor<>(
                        "trips-in-window",
                        Types.STRING,
                        TypeInformation.of(TripContribution.class));
        trips.enableTimeToLive(ttl);
        ValueStateDescriptor<Long> latest =
                new ValueStateDescriptor<>("latest-trip-start", Types.LONG);
        latest.enableTimeToLive(ttl);
        tripsInWindow = getRuntimeContext().getMapState(trips);
        latestTripStartMs = getRuntimeContext().getState(latest);
        outsideWindow = getRuntimeContext().getMetricGroup().counter("tripsOutsideStatsWindow");
    }

    @Override
    public void processElement(ScoredTrip trip, Context ctx, Collector<DriverStats> out)
            throws Exception {
        Long previousLatest = latestTripStartMs.value();
        long latest =
                previousLatest == null
                        ? trip.startedAtMs
                        : Math.max(previousLatest, trip.startedAtMs);
        if (!DriverStatsCalculator.inWindow(trip.startedAtMs, latest, windowDays)) {
            outsideWindow.inc();
            return;
        }
        latestTripStartMs.update(latest);
        tripsInWindow.put(trip.tripId, TripContribution.of(trip));
        evictOlderThanWindow(latest);
        out.collect(
                DriverStatsCalculator.summarize(
                        ctx.getCurrentKey(), tripsInWindow.values(), windowDays, latest));
    }

    private void evictOlderThanWindow(long latest) throws Exception {
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, TripContribution> e : tripsInWindow.entries()) {
            if (!DriverStatsCalculator.inWindow(e.getValue().startedAtMs, latest, windowDays)) {
                expired.add(e.getKey());
            }
        }
        for (String tripId : expired) {
            tripsInWindow.remove(tripId);
        }
    }
}
