package io.fleetflow.job.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestServices;
import io.fleetflow.testing.TripSeeder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lookup inside Flink's own async operator, as the job runs it: ids in flight are part of a
 * checkpoint and looked up again after a restore, and once answered they leave the operator's
 * state, so a restore replays nothing.
 */
class TripBlobLookupOperatorITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();

    @Test
    void answeredLookupsLeaveNothingInTheOperatorsState() throws Exception {
        List<UUID> trips = seed(3);
        OperatorSubtaskState snapshot;
        try (OneInputStreamOperatorTestHarness<String, LookedUpTrip> harness = harness()) {
            harness.open();
            long ts = 1;
            for (UUID trip : trips) {
                harness.processElement(new StreamRecord<>(trip.toString(), ts++));
            }
            harness.endInput();
            assertThat(harness.extractOutputValues())
                    .extracting(t -> t.tripId)
                    .containsExactlyInAnyOrderElementsOf(
                            trips.stream().map(UUID::toString).toList());
            snapshot = harness.snapshot(1, 10);
        }
        try (OneInputStreamOperatorTestHarness<String, LookedUpTrip> restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.endInput();
            assertThat(restored.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void anIdInFlightAtACheckpointIsLookedUpAgainAfterARestore() throws Exception {
        UUID trip = seed(1).get(0);
        OperatorSubtaskState snapshot;
        try (OneInputStreamOperatorTestHarness<String, LookedUpTrip> harness = harness()) {
            harness.open();
            // The snapshot is taken on the task thread right after the element arrived, before
            // the mailbox ran the lookup's answer: the id is still in flight.
            synchronized (harness.getCheckpointLock()) {
                harness.processElement(new StreamRecord<>(trip.toString(), 1));
                snapshot = harness.snapshot(1, 2);
            }
        }
        try (OneInputStreamOperatorTestHarness<String, LookedUpTrip> restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.endInput();
            assertThat(restored.extractOutputValues())
                    .extracting(t -> t.tripId)
                    .containsExactly(trip.toString());
        }
    }

    private static OneInputStreamOperatorTestHarness<String, LookedUpTrip> harness()
            throws Exception {
        TripBlobLookup lookup =
                new TripBlobLookup(
                        TestServices.dbUrl(),
                        TestServices.dbUser(),
                        TestServices.dbPassword(),
                        2,
                        4,
                        3,
                        Duration.ofMillis(20));
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(lookup, 10_000, 8, OutputMode.UNORDERED),
                Types.STRING.createSerializer(new ExecutionConfig()));
    }

    private static List<UUID> seed(int trips) throws Exception {
        TripSeeder seeder = new TripSeeder(DB.dataSource());
        Random random = new Random(trips);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < trips; i++) {
            ids.add(
                    seeder.store(
                            KnownTrips.generate(random, UUID.randomUUID(), UUID.randomUUID())
                                    .json()));
        }
        return ids;
    }
}
