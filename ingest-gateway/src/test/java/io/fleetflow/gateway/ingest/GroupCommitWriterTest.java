package io.fleetflow.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetflow.model.TripPayload;
import io.fleetflow.model.TripSamples;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GroupCommitWriterTest {

    /** Records batches; takes a while per batch, as a commit does; refuses listed trips. */
    private static final class RecordingInserts implements GroupCommitWriter.Inserts {
        final List<List<UUID>> batches = Collections.synchronizedList(new ArrayList<>());
        final Set<UUID> refused = ConcurrentHashMap.newKeySet();
        volatile boolean down;

        @Override
        public void insertAll(List<NewTrip> trips) throws SQLException {
            if (down) {
                throw new SQLException("connection refused");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (trips.stream().anyMatch(t -> refused.contains(t.tripId()))) {
                throw new SQLException("violates a constraint");
            }
            batches.add(trips.stream().map(NewTrip::tripId).toList());
        }
    }

    @Test
    void concurrentTripsShareCommitsAndEachReturnsAfterItsOwn() throws Exception {
        RecordingInserts inserts = new RecordingInserts();
        List<UUID> ids = new ArrayList<>();
        try (GroupCommitWriter writer = new GroupCommitWriter(inserts, 2)) {
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                done.add(
                        clients.submit(
                                () -> {
                                    writer.insert(trip(id));
                                    // Returned: the trip must be in a finished batch already.
                                    assertThat(committed(inserts)).contains(id);
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
        }
        assertThat(committed(inserts)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(inserts.batches.size()).isLessThan(400);
        assertThat(inserts.batches.stream().mapToInt(List::size).max().orElseThrow())
                .isGreaterThan(1)
                .isLessThanOrEqualTo(GroupCommitWriter.MAX_BATCH);
    }

    @Test
    void aRefusedTripFailsAloneAndItsBatchMatesAreCommitted() throws Exception {
        RecordingInserts inserts = new RecordingInserts();
        UUID bad = UUID.randomUUID();
        inserts.refused.add(bad);
        List<UUID> good = new ArrayList<>();
        try (GroupCommitWriter writer = new GroupCommitWriter(inserts, 1)) {
            ExecutorService clients = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> goodDone = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                UUID id = UUID.randomUUID();
                good.add(id);
                goodDone.add(
                        clients.submit(
                                () -> {
                                    start.await();
                                    writer.insert(trip(id));
                                    return null;
                                }));
            }
            Future<?> badDone =
                    clients.submit(
                            () -> {
                                start.await();
                                writer.insert(trip(bad));
                                return null;
                            });
            start.countDown();
            for (Future<?> f : goodDone) {
                f.get();
            }
            assertThatThrownBy(badDone::get).hasRootCauseInstanceOf(SQLException.class);
            clients.shutdown();
        }
        assertThat(committed(inserts)).containsExactlyInAnyOrderElementsOf(good);
    }

    @Test
    void anOutageFailsEveryWaitingTripWithItsSqlException() {
        RecordingInserts inserts = new RecordingInserts();
        inserts.down = true;
        try (GroupCommitWriter writer = new GroupCommitWriter(inserts, 1)) {
            assertThatThrownBy(() -> writer.insert(trip(UUID.randomUUID())))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("connection refused");
        }
    }

    @Test
    void afterCloseNothingIsAccepted() {
        GroupCommitWriter writer = new GroupCommitWriter(new RecordingInserts(), 1);
        writer.close();
        assertThatThrownBy(() -> writer.insert(trip(UUID.randomUUID())))
                .isInstanceOf(SQLException.class);
    }

    private static List<UUID> committed(RecordingInserts inserts) {
        synchronized (inserts.batches) {
            return inserts.batches.stream().flatMap(List::stream).toList();
        }
    }

    private static NewTrip trip(UUID id) {
        TripPayload payload =
                new TripPayload(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        OffsetDateTime.parse("2026-05-01T08:00:00Z"),
                        new TripSamples(
                                null, null, new double[] {1}, new double[] {0}, new double[] {0}));
        return new NewTrip(id, payload, new byte[] {2});
    }
}
