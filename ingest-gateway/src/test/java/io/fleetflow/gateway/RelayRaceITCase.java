package io.fleetflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

            Set<UUID> seen = new HashSet<>();
            queue.drain().forEach(m -> seen.add(UUID.fromString(m.substring(0, 36))));
            assertThat(seen).isEqualTo(stale);
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

            Set<UUID> seen = new HashSet<>();
            queue.drain().forEach(m -> seen.add(UUID.fromString(m.substring(0, 36))));
            assertThat(seen).isEqualTo(due);
            assertThat(
                            DB.count(
                                    "SELECT count(*) FROM telemetry.trip_logs"
                                            + " WHERE publish_attempts IN (2, 3, 41)"
                                            + " AND published_at > now() - interval '1 minute'"))
                    .isEqualTo(3);
        }
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
                new TripStore(DB.dataSource()),
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
                                        + " telemetry_blob, sample_count) VALUES (?, ?, ?, now(), '{}', 1)");
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
