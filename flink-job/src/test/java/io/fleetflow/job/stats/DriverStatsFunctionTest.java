package io.fleetflow.job.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetflow.job.score.ScoredTrip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DriverStatsFunctionTest {

    private static final int WINDOW_DAYS = 30;
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long MAY_1 = 1_777_622_400_000L;
    private static final String ALICE = "a0000000-0000-0000-0000-000000000001";
    private static final String BOB = "b0000000-0000-0000-0000-000000000002";

    private KeyedOneInputStreamOperatorTestHarness<String, ScoredTrip, DriverStats> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harnessOf(new DriverStatsFunction(WINDOW_DAYS));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void eachTripUpdatesItsOwnDriversTotals() throws Exception {
        process(trip("t1", ALICE, MAY_1, 10, 2));
        process(trip("t2", BOB, MAY_1, 5, 0));
        process(trip("t3", ALICE, MAY_1 + DAY, 20, 1));

        DriverStats alice = last(ALICE);
        assertThat(alice.trips).isEqualTo(2);
        assertThat(alice.distanceKm).isEqualTo(30.0);
        assertThat(alice.harshBrakingCount).isEqualTo(3);
        assertThat(last(BOB).trips).isEqualTo(1);
    }

    @Test
    void aReplayedTripReplacesItselfInsteadOfCountingTwice() throws Exception {
        process(trip("t1", ALICE, MAY_1, 10, 2));
        process(trip("t2", ALICE, MAY_1 + DAY, 10, 1));
        process(trip("t1", ALICE, MAY_1, 10, 2));

        assertThat(last(ALICE).trips).isEqualTo(2);
        assertThat(last(ALICE).harshBrakingCount).isEqualTo(3);
    }

    @Test
    void tripsOlderThanTheWindowStopCountingAndLateOnesAreIgnored() throws Exception {
        process(trip("old", ALICE, MAY_1, 10, 4));
        process(trip("new", ALICE, MAY_1 + (WINDOW_DAYS + 1) * DAY, 5, 1));
        // one value per driver (what it holds: DriverWindowTest)
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(last(ALICE).trips).isEqualTo(1);
        assertThat(last(ALICE).harshBrakingCount).isEqualTo(1);

        int emitted = harness.extractOutputValues().size();
        process(trip("late", ALICE, MAY_1 - DAY, 10, 9));
        assertThat(harness.extractOutputValues()).hasSize(emitted);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void stateOfADriverWhoStopsDrivingExpiresAndNoTimersAreLeft() throws Exception {
        harness.setStateTtlProcessingTime(0);
        process(trip("t1", ALICE, MAY_1, 10, 2));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        harness.setStateTtlProcessingTime(Duration.ofDays(WINDOW_DAYS).toMillis() + 1);
        process(trip("t2", ALICE, MAY_1 + 2 * DAY, 5, 0));

        // the expired trip no longer counts, and the expired entries were replaced
        assertThat(last(ALICE).trips).isEqualTo(1);
        assertThat(last(ALICE).harshBrakingCount).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void stateSurvivesASnapshotAndRestoreWithoutDoubleCounting() throws Exception {
        process(trip("t1", ALICE, MAY_1, 10, 2));
        var snapshot = harness.snapshot(1, 1);
        process(trip("t2", ALICE, MAY_1 + DAY, 10, 1));
        harness.close();

        harness = harnessOf(new DriverStatsFunction(WINDOW_DAYS));
        harness.initializeState(snapshot);
        harness.open();
        // the replay after restore delivers t1 and t2 again
        process(trip("t1", ALICE, MAY_1, 10, 2));
        process(trip("t2", ALICE, MAY_1 + DAY, 10, 1));

        assertThat(last(ALICE).trips).isEqualTo(2);
        assertThat(last(ALICE).harshBrakingCount).isEqualTo(3);
    }

    @Test
    void ofTheSliceTheWindowEndsInOnlyTheTripsThatLeftTheWindowAreDropped() throws Exception {
        long hour = Duration.ofHours(1).toMillis();
        long midnight = MAY_1 - 8 * hour; // MAY_1 is 08:00 UTC; the slices are UTC days
        process(trip("morning", ALICE, midnight + 8 * hour, 10, 4));
        process(trip("evening", ALICE, midnight + 20 * hour, 10, 2));
        // the window now starts at noon of May 1: the morning trip left it, the evening one not
        process(trip("month-later", ALICE, midnight + WINDOW_DAYS * DAY + 12 * hour, 5, 1));

        assertThat(last(ALICE).trips).isEqualTo(2);
        assertThat(last(ALICE).harshBrakingCount).isEqualTo(3);
        assertThat(last(ALICE).distanceKm).isEqualTo(15.0);
    }

    @Test
    void equalsTheSumOverEveryTripInTheWindowAfterEveryTrip() throws Exception {
        Random random = new Random(42);
        String[] drivers = {ALICE, BOB, "c0000000-0000-0000-0000-000000000003"};
        Map<String, Long> clock = new HashMap<>();
        Map<String, Map<String, ScoredTrip>> sent = new HashMap<>();
        Map<String, Map<String, TripContribution>> inWindow = new HashMap<>();
        Map<String, Long> latest = new HashMap<>();
        List<DriverStats> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String driver = drivers[random.nextInt(drivers.length)];
            Map<String, ScoredTrip> previous = sent.computeIfAbsent(driver, d -> new HashMap<>());
            ScoredTrip trip;
            if (!previous.isEmpty() && random.nextInt(10) == 0) {
                // a replay: the same trip again
                List<ScoredTrip> all = new ArrayList<>(previous.values());
                trip = all.get(random.nextInt(all.size()));
            } else {
                long now = clock.getOrDefault(driver, MAY_1) + random.nextInt((int) (DAY / 2));
                clock.put(driver, now);
                // mostly in order, sometimes days late, now and then older than the window
                long start = random.nextInt(8) == 0 ? now - random.nextInt(35) * DAY : now;
                trip = trip("t" + i, driver, start, random.nextInt(80) / 4.0, random.nextInt(4));
                trip.speedingCount = random.nextInt(3);
                trip.crashCount = random.nextInt(10) == 0 ? 1 : 0;
                trip.safetyScore = random.nextInt(101);
                previous.put(trip.tripId, trip);
            }
            process(trip);

            // the reference: the definition, a sum over the trips in the window
            long newest = Math.max(latest.getOrDefault(driver, trip.startedAtMs), trip.startedAtMs);
            if (DriverStatsCalculator.inWindow(trip.startedAtMs, newest, WINDOW_DAYS)) {
                latest.put(driver, newest);
                Map<String, TripContribution> window =
                        inWindow.computeIfAbsent(driver, d -> new HashMap<>());
                window.put(trip.tripId, TripContribution.of(trip));
                window.values()
                        .removeIf(
                                t ->
                                        !DriverStatsCalculator.inWindow(
                                                t.startedAtMs, newest, WINDOW_DAYS));
                expected.add(
                        DriverStatsCalculator.summarize(
                                driver, WindowSums.of(window.values()), WINDOW_DAYS, newest));
            }
        }

        List<DriverStats> actual = harness.extractOutputValues();
        assertThat(actual).hasSize(expected.size());
        assertThat(expected.size()).isGreaterThan(2500);
        for (int i = 0; i < expected.size(); i++) {
            DriverStats e = expected.get(i);
            DriverStats a = actual.get(i);
            assertThat(a.driverId).isEqualTo(e.driverId);
            assertThat(a.trips).as("trips after output %d", i).isEqualTo(e.trips);
            assertThat(a.harshBrakingCount).isEqualTo(e.harshBrakingCount);
            assertThat(a.speedingCount).isEqualTo(e.speedingCount);
            assertThat(a.crashCount).isEqualTo(e.crashCount);
            assertThat(a.distanceKm).isCloseTo(e.distanceKm, within(1e-9));
            assertThat(a.durationS).isCloseTo(e.durationS, within(1e-6));
            assertThat(a.harshBrakingPer100Km).isCloseTo(e.harshBrakingPer100Km, within(1e-9));
            assertThat(a.rollingScore).isEqualTo(e.rollingScore);
            assertThat(a.lastTripStartedAtMs).isEqualTo(e.lastTripStartedAtMs);
        }
    }

    @Test
    void stateOfTheEarlierLayoutIsMovedIntoTheWindowOnTheDriversNextTrip() throws Exception {
        harness.close();
        harness = harnessOf(new EarlierLayoutWriter());
        harness.open();
        process(trip("t1", ALICE, MAY_1, 10, 2));
        process(trip("t2", ALICE, MAY_1 + DAY, 10, 1));
        var snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = harnessOf(new DriverStatsFunction(WINDOW_DAYS));
        harness.initializeState(snapshot);
        harness.open();
        process(trip("t3", ALICE, MAY_1 + 2 * DAY, 5, 0));
        process(trip("t1", ALICE, MAY_1, 10, 2)); // a replay still replaces itself

        assertThat(last(ALICE).trips).isEqualTo(3);
        assertThat(last(ALICE).harshBrakingCount).isEqualTo(3);
        assertThat(last(ALICE).distanceKm).isEqualTo(25.0);
        // Alice's window; the earlier map and latest start are gone
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void windowStateIsSerializedByFlinkWithoutKryo() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false); // Kryo would throw
        TypeInformation<DriverWindow> type = TypeInformation.of(DriverWindow.class);

        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        assertThat(type.createSerializer(config)).isNotNull();
    }

    /**
     * Writes state the way DriverStatsFunction did before DriverWindow (a map from trip id to
     * contribution and the latest start, same names and TTL), to restore from.
     */
    static final class EarlierLayoutWriter
            extends KeyedProcessFunction<String, ScoredTrip, DriverStats> {
        private static final long serialVersionUID = 1L;
        private transient MapState<String, TripContribution> trips;
        private transient ValueState<Long> latest;

        @Override
        public void open(Configuration parameters) {
            StateTtlConfig ttl =
                    StateTtlConfig.newBuilder(Duration.ofDays(WINDOW_DAYS))
                            .updateTtlOnCreateAndWrite()
                            .neverReturnExpired()
                            .build();
            MapStateDescriptor<String, TripContribution> map =
                    new MapStateDescriptor<>(
                            "trips-in-window",
                            Types.STRING,
                            TypeInformation.of(TripContribution.class));
            map.enableTimeToLive(ttl);
            ValueStateDescriptor<Long> value =
                    new ValueStateDescriptor<>("latest-trip-start", Types.LONG);
            value.enableTimeToLive(ttl);
            trips = getRuntimeContext().getMapState(map);
            latest = getRuntimeContext().getState(value);
        }

        @Override
        public void processElement(ScoredTrip trip, Context ctx, Collector<DriverStats> out)
                throws Exception {
            trips.put(trip.tripId, TripContribution.of(trip));
            Long before = latest.value();
            latest.update(before == null ? trip.startedAtMs : Math.max(before, trip.startedAtMs));
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ScoredTrip, DriverStats>
            harnessOf(KeyedProcessFunction<String, ScoredTrip, DriverStats> function)
                    throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), trip -> trip.driverId, Types.STRING);
    }

    private void process(ScoredTrip trip) throws Exception {
        harness.processElement(new StreamRecord<>(trip));
    }

    private DriverStats last(String driverId) {
        List<DriverStats> out = harness.extractOutputValues();
        for (int i = out.size() - 1; i >= 0; i--) {
            if (out.get(i).driverId.equals(driverId)) {
                return out.get(i);
            }
        }
        throw new AssertionError("no statistics emitted for " + driverId);
    }

    private static ScoredTrip trip(
            String tripId, String driverId, long startedAtMs, double km, int braking) {
        ScoredTrip t = new ScoredTrip();
        t.tripId = tripId;
        t.driverId = driverId;
        t.vehicleId = driverId;
        t.startedAtMs = startedAtMs;
        t.distanceKm = km;
        t.durationS = km * 60;
        t.safetyScore = 100 - 5 * braking;
        t.harshBrakingCount = braking;
        return t;
    }
}
