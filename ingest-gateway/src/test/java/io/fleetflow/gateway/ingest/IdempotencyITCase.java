package io.fleetflow.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries with an Idempotency-Key store and publish nothing new. */
class IdempotencyITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private final ObjectMapper json = new ObjectMapper();
    private Gateway gateway;
    private GatewayHttp http;
    private String key;

    @BeforeEach
    void start() throws Exception {
        gateway = Gateway.start(TestGateway.authenticated(queue.name()));
        http = new GatewayHttp(gateway::port);
        key = gateway.devCredentials().orElseThrow().deviceKey();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void retryWithSameKeyAndBodyAnswersTheSameTripAndStoresNothingNew() throws Exception {
        String idem = UUID.randomUUID().toString();

        HttpResponse<String> first =
                http.postTrip(GatewayHttp.EXAMPLE, key, "Idempotency-Key", idem);
        HttpResponse<String> retry =
                http.postTrip(GatewayHttp.EXAMPLE, key, "Idempotency-Key", idem);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(tripId(retry)).isEqualTo(tripId(first));
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(1);
        awaitPublished(1);
        assertThat(queue.drain()).containsExactly(tripId(first) + "|" + tripId(first) + "|2");
    }

    @Test
    void sameKeyWithAnotherBodyIsRefusedWith422() throws Exception {
        String idem = UUID.randomUUID().toString();
        HttpResponse<String> first =
                http.postTrip(GatewayHttp.EXAMPLE, key, "Idempotency-Key", idem);

        HttpResponse<String> other =
                http.postTrip(
                        GatewayHttp.EXAMPLE.replace("\"speed_kmh\":45", "\"speed_kmh\":46"),
                        key,
                        "Idempotency-Key",
                        idem);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(1);
        awaitPublished(1);
        assertThat(queue.messageCount()).isEqualTo(1);
    }

    @Test
    void differentKeysAndNoKeyStoreSeparateTrips() throws Exception {
        Set<String> ids = new HashSet<>();
        ids.add(tripId(http.postTrip(GatewayHttp.EXAMPLE, key, "Idempotency-Key", "a-1")));
        ids.add(tripId(http.postTrip(GatewayHttp.EXAMPLE, key, "Idempotency-Key", "a-2")));
        ids.add(tripId(http.postTrip(GatewayHttp.EXAMPLE, key)));
        ids.add(tripId(http.postTrip(GatewayHttp.EXAMPLE, key)));

        assertThat(ids).hasSize(4);
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(4);
    }

    @Test
    void concurrentRetriesStoreAndPublishExactlyOneTrip() throws Exception {
        String idem = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> http.postTrip(GatewayHttp.EXAMPLE, key, "Idempotency-Key", idem));
            }
            Set<String> ids = new HashSet<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                assertThat(f.get().statusCode()).isEqualTo(202);
                ids.add(tripId(f.get()));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(1);
        awaitPublished(1);
        assertThat(queue.messageCount()).isEqualTo(1);
    }

    @Test
    void malformedIdempotencyKeyIsABadRequest() throws Exception {
        HttpResponse<String> response =
                http.postTrip(GatewayHttp.EXAMPLE, key, "Idempotency-Key", "has spaces in it");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isZero();
    }

    /** Ids are published after the answer: wait until the store says they were. */
    private static void awaitPublished(long trips) {
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                DB.count(
                                                "SELECT count(*) FROM telemetry.trip_logs WHERE published_at IS NOT NULL")
                                        == trips);
    }

    private String tripId(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).get("trip_id").asText();
    }
}
