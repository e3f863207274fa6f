package io.fleetflow.job.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.job.scoring.ScoredTrip;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
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
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new DriverStatsFunction(WINDOW_DAYS)),
                        trip -> trip.driverId,
                        Types.STRING);
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
    void tripsOlderThanTheWindowAreEvictedFromStateAndLateOnesIgnored() throws Exception {
        process(trip("old", ALICE, MAY_1, 10, 4));
        process(trip("new", ALICE, MAY_1 + (WINDOW_DAYS + 1) * DAY, 5, 1));
        // one value state + one map entry for the remaining trip
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(last(ALICE).trips).isEqualTo(1);
        assertThat(last(ALICE).harshBrakingCount).isEqualTo(1);

        int emitted = harness.extractOutputValues().size();
        process(trip("late", ALICE, MAY_1 - DAY, 10, 9));
        assertThat(harness.extractOutputValues()).hasSize(emitted);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    @Test
    void stateOfADriverWhoStopsDrivingExpiresAndNoTimersAreLeft() throws Exception {
        harness.setStateTtlProcessingTime(0);
        process(trip("t1", ALICE, MAY_1, 10, 2));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
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

        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new DriverStatsFunction(WINDOW_DAYS)),
                        trip -> trip.driverId,
                        Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        // the replay after restore delivers t1 and t2 again
        process(trip("t1", ALICE, MAY_1, 10, 2));
        process(trip("t2", ALICE, MAY_1 + DAY, 10, 1));

        assertThat(last(ALICE).trips).isEqualTo(2);
        assertThat(last(ALICE).harshBrakingCount).isEqualTo(3);
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
