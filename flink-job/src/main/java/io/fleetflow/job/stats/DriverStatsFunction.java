package io.fleetflow.job.stats;

import io.fleetflow.job.score.ScoredTrip;
import java.time.Duration;
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
 * <p>State is one value per driver, the {@link DriverWindow}: the driver's trips in the window in
 * slices of trip time that carry their own sums, so a trip costs the same whether its driver has
 * ten trips in the window or thousands. A trip replaces the trip of the same id, so a trip
 * delivered twice (a replay after a restore, or a redelivery of a finished trip) is not counted
 * twice. Trips that fall out of the window are dropped when a newer trip arrives; the state of a
 * driver who stops driving expires through state TTL (window length, processing time, from the
 * driver's last trip), all of it at once. No timers are used.
 *
 * <p>One value rather than a map state: the heap state backend's TTL cleanup, which runs a few
 * entries at every state access, deep-copies every entry of a map state it visits — with one map
 * entry per trip that was a copy of several drivers' whole windows per access (profiled: most of
 * this operator's time). A value state is checked, not copied.
 */
public class DriverStatsFunction extends KeyedProcessFunction<String, ScoredTrip, DriverStats> {
    private static final long serialVersionUID = 1L;

    private final int windowDays;

    private transient ValueState<DriverWindow> window;

    /**
     * The state of versions before {@link DriverWindow} (trip id to contribution, and the latest
     * start): read on the driver's first trip after a restore from such a savepoint, moved into the
     * window and cleared.
     */
    private transient MapState<String, TripContribution> earlierTrips;

    private transient ValueState<Long> earlierLatestStartMs;

    private transient Counter outsideWindow;

    public DriverStatsFunction(int windowDays) {
        this.windowDays = windowDays;
    }

    @Override
    public void open(Configuration parameters) {
        ValueStateDescriptor<DriverWindow> windowState =
                new ValueStateDescriptor<>("driver-window", TypeInformation.of(DriverWindow.class));
        windowState.enableTimeToLive(ttl().build());
        window = getRuntimeContext().getState(windowState);

        // as they were written (a restore needs the TTL), but read only for a driver without a
        // window, so without the cleanup at every access
        StateTtlConfig earlierTtl = ttl().disableCleanupInBackground().build();
        MapStateDescriptor<String, TripContribution> trips =
                new MapStateDescriptor<>(
                        "trips-in-window",
                        Types.STRING,
                        TypeInformation.of(TripContribution.class));
        trips.enableTimeToLive(earlierTtl);
        ValueStateDescriptor<Long> latest =
                new ValueStateDescriptor<>("latest-trip-start", Types.LONG);
        latest.enableTimeToLive(earlierTtl);
        earlierTrips = getRuntimeContext().getMapState(trips);
        earlierLatestStartMs = getRuntimeContext().getState(latest);

        outsideWindow = getRuntimeContext().getMetricGroup().counter("tripsOutsideStatsWindow");
    }

    private StateTtlConfig.Builder ttl() {
        return StateTtlConfig.newBuilder(Duration.ofDays(windowDays))
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired();
    }

    @Override
    public void processElement(ScoredTrip trip, Context ctx, Collector<DriverStats> out)
            throws Exception {
        DriverWindow current = window.value();
        if (current == null) {
            current = fromEarlierState();
            if (current != null) {
                window.update(current);
            }
        }
        // A trip newer than the window's end moves the end, so only an older one can fall outside.
        if (current != null
                && !DriverStatsCalculator.inWindow(
                        trip.startedAtMs, current.latestStartMs, windowDays)) {
            outsideWindow.inc();
            return;
        }
        DriverWindow next =
                DriverWindow.with(current, trip.tripId, TripContribution.of(trip), windowDays);
        window.update(next);
        out.collect(
                DriverStatsCalculator.summarize(
                        ctx.getCurrentKey(), next.sums(), windowDays, next.latestStartMs));
    }

    /** The driver's state as versions before {@link DriverWindow} kept it, moved; null if none. */
    private DriverWindow fromEarlierState() throws Exception {
        Long latest = earlierLatestStartMs.value();
        if (latest == null) {
            earlierTrips.clear();
            return null;
        }
        DriverWindow moved = null;
        for (Map.Entry<String, TripContribution> e : earlierTrips.entries()) {
            moved = DriverWindow.with(moved, e.getKey(), e.getValue(), windowDays);
        }
        earlierTrips.clear();
        earlierLatestStartMs.clear();
        if (moved == null) {
            return null;
        }
        moved.latestStartMs = Math.max(moved.latestStartMs, latest);
        return moved;
    }
}
