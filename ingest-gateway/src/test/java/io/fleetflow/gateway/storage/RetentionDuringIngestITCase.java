package io.fleetflow.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.model.schema.SamplePartitionMaintenance;
import io.fleetflow.model.schema.SamplePartitions.Week;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention and partition maintenance run again and again while devices keep posting trips over
 * HTTP: every accepted trip is still there with its status and samples, and only the samples of the
 * old weeks are gone (their trips' rows stay).
 */
class RetentionDuringIngestITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private static final int POSTERS = 3;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void nothingAcceptedIsLostWhileOldWeeksAreDropped() throws Exception {
        Instant now = Instant.now();
        List<UUID> old = new ArrayList<>();
        for (int weeksAgo = 20; weeksAgo < 26; weeksAgo++) {
            old.add(oldFinishedTrip(now.minus(Duration.ofDays(7L * weeksAgo))));
        }
        Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean posting = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
        List<Week> dropped = new ArrayList<>();
        try (Gateway gateway = Gateway.start(TestGateway.local(queue.name()))) {
            List<Future<?>> posters = new ArrayList<>();
            for (int p = 0; p < POSTERS; p++) {
                int poster = p;
                posters.add(
                        pool.submit(
                                () -> {
                                    int i = 0;
                                    while (posting.get()) {
                                        accepted.add(post(gateway.port(), poster, i++));
                                    }
                                    return null;
                                }));
            }
            for (int round = 0; round < 5; round++) {
                Thread.sleep(300);
                SamplePartitionMaintenance.ensure(DB.dataSource(), now, 2);
                dropped.addAll(
                        SamplePartitionMaintenance.dropExpired(
                                        DB.dataSource(), now, Duration.ofDays(90))
                                .dropped());
            }
            Thread.sleep(300);
            posting.set(false);
            for (Future<?> f : posters) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(dropped).hasSizeGreaterThanOrEqualTo(old.size());
        assertThat(accepted).hasSizeGreaterThan(POSTERS * 5);
        for (UUID trip : accepted) {
            assertThat(DB.status(trip)).as("status of accepted trip " + trip).isNotNull();
            assertThat(SampleStorageITCase.blob(DB, trip)).as("samples of " + trip).isNotNull();
        }
        for (UUID trip : old) {
            assertThat(DB.status(trip)).isEqualTo("COMPLETED");
            assertThat(SampleStorageITCase.blob(DB, trip)).isNull();
        }
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.trip_logs t WHERE NOT EXISTS (SELECT 1"
                                        + " FROM telemetry.trip_samples s WHERE s.trip_id = t.id)"))
                .isEqualTo(old.size());
    }

    /** Posts a trip with a device timestamp far in the past; the answer must be 202. */
    private UUID post(int port, int poster, int i) throws Exception {
        String body =
                "{\"vehicle_id\":\""
                        + UUID.randomUUID()
                        + "\",\"driver_id\":\""
                        + UUID.randomUUID()
                        + "\",\"timestamp\":\"2001-0"
                        + (1 + poster)
                        + "-01T08:00:00Z\",\"data\":[{\"speed_kmh\":"
                        + (i % 120)
                        + ",\"g_force_long\":0.1,\"g_force_lat\":0.0},"
                        + "{\"speed_kmh\":50,\"g_force_long\":0.0,\"g_force_lat\":0.1}]}";
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:" + port + "/api/v1/telemetry"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(json.readTree(response.body()).get("trip_id").asText());
    }

    private static UUID oldFinishedTrip(Instant receivedAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "WITH t AS (INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id,"
                                        + " started_at, sample_count, received_at, status, completed_at)"
                                        + " VALUES (?, ?, ?, ?, 1, ?, 'COMPLETED', ?) RETURNING id, received_at)"
                                        + " INSERT INTO telemetry.trip_samples (trip_id, received_at,"
                                        + " telemetry_blob) SELECT id, received_at, '{}'::jsonb FROM t")) {
            Timestamp at = Timestamp.from(receivedAt);
            ps.setObject(1, id);
            ps.setObject(2, UUID.randomUUID());
            ps.setObject(3, UUID.randomUUID());
            ps.setTimestamp(4, at);
            ps.setTimestamp(5, at);
            ps.setTimestamp(6, at);
            ps.executeUpdate();
        }
        return id;
    }
}
