package io.fleetflow.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two relays (as in two gateway instances) race over the same unpublished trips: every trip is
 * published at least once and none is lost; stale published-but-PENDING trips are published again.
 */
class RelayRaceITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private static final int TRIPS = 300;

    @Test
    void twoRelaysRacingPublishEveryTripAtLeastOnce() throws Exception {
        Set<UUID> ids = insertTrips(TRIPS, "received_at = now() - interval '1 minute'");
        try (RabbitTripPublisher p1 = publisher();
                RabbitTripPublisher p2 = publisher()) {
            PendingTripRelay r1 = relay(p1, null);
            PendingTripRelay r2 = relay(p2, null);
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> race(r1, together));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> race(r2, together));

            int published = a.get() + b.get();

            assertThat(published).isGreaterThanOrEqualTo(TRIPS);
            assertThat(
                            DB.count(
                                    "SELECT count(*) FROM telemetry.trip_logs WHERE published_at IS NULL"))
                    .isZero();
            List<String> messages = queue.drain();
            Set<UUID> seen = new HashSet<>();
            messages.forEach(m -> seen.add(UUID.fromString(m.substring(0, 36))));
            assertThat(seen).isEqualTo(ids);
            assertThat(messages).hasSize(published);
            assertThat(r1.runOnce() + r2.runOnce()).isZero();
        }
    }

    @Test
    void tripsStillPendingLongAfterPublishingArePublishedAgain() throws Exception {
        Set<UUID> stale =
                insertTrips(
                        3,
                        "received_at = now() - interval '2 hours',"
                                + " published_at = now() - interval '1 hour'");
        insertTrips(2, "received_at = now() - interval '2 hours', published_at = now()");
        insertTrips(
                2,
                "received_at = now() - interval '2 hours', published_at = now() - interval '1 hour',"
                        + " status = 'COMPLETED'");
        try (RabbitTripPublisher p = publisher()) {
            PendingTripRelay relay = relay(p, Duration.ofMinutes(10));

            assertThat(relay.runOnce()).isEqualTo(3);

            assertThat(publishedIds()).isEqualTo(stale);
            assertThat(relay.runOnce()).isZero();
        }
    }

    @Test
    void eachPublishDoublesTheWaitBeforeTheNext() throws Exception {
        // Stale age 10 min: after the first publish 10 min, after the second 20, after the seventh
        // and later 640 (the cap).
        Set<UUID> due =
                new HashSet<>(
                        insertTrips(
                                1,
                                "published_at = now() - interval '11 minutes', publish_attempts = 1"));
        insertTrips(1, "published_at = now() - interval '19 minutes', publish_attempts = 2");
        due.addAll(
                insertTrips(
                        1, "published_at = now() - interval '21 minutes', publish_attempts = 2"));
        insertTrips(1, "published_at = now() - interval '79 minutes', publish_attempts = 4");
        insertTrips(1, "published_at = now() - interval '639 minutes', publish_attempts = 40");
        due.addAll(
                insertTrips(
                        1, "published_at = now() - interval '641 minutes', publish_attempts = 40"));
        try (RabbitTripPublisher p = publisher()) {
            PendingTripRelay relay = relay(p, Duration.ofMinutes(10));

            assertThat(relay.runOnce()).isEqualTo(3);

            assertThat(publishedIds()).isEqualTo(due);
            assertThat(
                            DB.count(
                                    "SELECT count(*) FROM telemetry.trip_logs"
                                            + " WHERE publish_attempts IN (2, 3, 41)"
                                            + " AND published_at > now() - interval '1 minute'"))
                    .isEqualTo(3);
        }
    }

    @Test
    void aRoundReadsTheNextSlicesOfTheBacklogAndTheNextGoesOn() throws Exception {
        // 1,000 unfinished trips a second apart, all published but the 50th, 550th and 950th;
        // slices of 100 trips, two per round.
        Set<UUID> due =
                insertBacklog(
                        "SELECT gen_random_uuid(), now() - interval '1 hour' + i * interval '1 second',"
                                + " CASE WHEN i IN (50, 550, 950) THEN NULL ELSE now() END"
                                + " FROM generate_series(1, 1000) i");
        try (RabbitTripPublisher p = publisher()) {
            PendingTripRelay relay = slicedRelay(p, 100, 2);

            List<Integer> rounds = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                rounds.add(relay.runOnce());
            }

            // Rounds cover trips 1-199, 199-397, 397-595, 595-793, 793-991, 991-1000 (the end:
            // the next round starts from the oldest again).
            assertThat(rounds).containsExactly(1, 0, 1, 0, 1, 0, 0);
            assertThat(publishedIds()).isEqualTo(due);
        }
    }

    @Test
    void aSliceOfTripsAllReceivedAtOneInstantIsNotReadForever() throws Exception {
        // 250 trips committed together share their received_at; slices of 100.
        Set<UUID> due =
                insertBacklog(
                        "SELECT gen_random_uuid(), timestamptz '2026-01-01 00:00:00+00',"
                                + " CASE WHEN i <= 5 THEN NULL ELSE now() END"
                                + " FROM generate_series(1, 250) i");
        due.addAll(
                insertBacklog(
                        "SELECT gen_random_uuid(),"
                                + " timestamptz '2026-01-01 00:00:00+00' + i * interval '1 second', NULL::timestamptz"
                                + " FROM generate_series(1, 10) i"));
        try (RabbitTripPublisher p = publisher()) {
            PendingTripRelay relay = slicedRelay(p, 100, 3);

            assertThat(relay.runOnce()).isEqualTo(15);
            assertThat(relay.runOnce()).isZero();

            assertThat(publishedIds()).isEqualTo(due);
        }
    }

    /**
     * Inserts (id, received_at, published_at) rows from {@code select}; returns the unpublished.
     */
    private static Set<UUID> insertBacklog(String select) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "WITH r (id, received_at, published_at) AS ("
                                        + select
                                        + ")"
                                        + " INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id,"
                                        + " started_at, sample_count, received_at,"
                                        + " published_at, publish_attempts)"
                                        + " SELECT id, gen_random_uuid(), gen_random_uuid(), received_at,"
                                        + " 1, received_at, published_at,"
                                        + " CASE WHEN published_at IS NULL THEN 0 ELSE 1 END FROM r"
                                        + " RETURNING id, published_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            Set<UUID> unpublished = new HashSet<>();
            while (rs.next()) {
                if (rs.getBoolean(2)) {
                    unpublished.add(rs.getObject(1, UUID.class));
                }
            }
            return unpublished;
        }
    }

    private PendingTripRelay slicedRelay(
            RabbitTripPublisher publisher, int sliceRows, int slicesPerRound) {
        return new PendingTripRelay(
                new PublicationStore(DB.dataSource()),
                publisher,
                Duration.ofHours(1),
                Duration.ZERO,
                Duration.ofMinutes(10),
                n -> {},
                sliceRows,
                slicesPerRound);
    }

    /** The trip ids the queue holds, drained. */
    private Set<UUID> publishedIds() throws Exception {
        Set<UUID> ids = new HashSet<>();
        queue.drain().forEach(m -> ids.add(UUID.fromString(m.substring(0, 36))));
        return ids;
    }

    private static int race(PendingTripRelay relay, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int total = 0;
        int n;
        do {
            n = relay.runOnce();
            total += n;
        } while (n > 0);
        return total;
    }

    private PendingTripRelay relay(RabbitTripPublisher publisher, Duration staleAge) {
        return new PendingTripRelay(
                new PublicationStore(DB.dataSource()),
                publisher,
                Duration.ofHours(1),
                Duration.ZERO,
                staleAge,
                n -> {});
    }

    private RabbitTripPublisher publisher() {
        return new RabbitTripPublisher(
                TestServices.amqpUri(), queue.name(), Duration.ofSeconds(5), 2);
    }

    private Set<UUID> insertTrips(int n, String set) throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at,"
                                        + " sample_count) VALUES (?, ?, ?, now(), 1)");
                PreparedStatement update =
                        c.prepareStatement(
                                "UPDATE telemetry.trip_logs SET "
                                        + set
                                        + ", failure_reason = NULL"
                                        + " WHERE id = ?")) {
            List<UUID> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                ps.setObject(1, id);
                ps.setObject(2, UUID.randomUUID());
                ps.setObject(3, UUID.randomUUID());
                ps.addBatch();
                batch.add(id);
            }
            ps.executeBatch();
            for (UUID id : batch) {
                update.setObject(1, id);
                update.addBatch();
            }
            update.executeBatch();
            ids.addAll(batch);
        }
        return ids;
    }
}
