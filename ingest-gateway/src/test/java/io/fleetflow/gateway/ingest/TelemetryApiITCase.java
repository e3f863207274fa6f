package io.fleetflow.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.GatewayConfig;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ingest API over real HTTP against the real PostgreSQL and RabbitMQ. */
class TelemetryApiITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private static final String EXAMPLE =
            "{\"vehicle_id\":\"3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10\","
                    + "\"driver_id\":\"7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                    + "\"timestamp\":\"2026-05-01T08:00:00Z\","
                    + "\"data\":[{\"speed_kmh\":45,\"g_force_long\":0.1,\"g_force_lat\":0.0}]}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = Gateway.start(TestGateway.authenticated(queue.name()));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void validTripIsStoredPendingAndItsIdPublished() throws Exception {
        HttpResponse<String> response = post(EXAMPLE, "application/json");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("QUEUED");
        UUID tripId = UUID.fromString(body.get("trip_id").asText());
        assertThat(DB.status(tripId)).isEqualTo("PENDING");
        assertThat(DB.count("SELECT sample_count FROM telemetry.trip_logs WHERE id = ?", tripId))
                .isEqualTo(1);
        // The id is published after the answer, then marked published.
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                DB.count(
                                                "SELECT count(*) FROM telemetry.trip_logs WHERE id = ? AND published_at IS NOT NULL",
                                                tripId)
                                        == 1);
        assertThat(queue.drain()).containsExactly(tripId + "|" + tripId + "|2");
    }

    @Test
    void invalidTripGetsProblemNamingEachFieldAndNothingIsStoredOrPublished() throws Exception {
        String bad = "{\"vehicle_id\":\"nope\",\"timestamp\":\"2026-05-01T08:00:00\",\"data\":[]}";

        HttpResponse<String> response = post(bad, "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isEqualTo("Invalid trip payload");
        assertThat(problem.findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/vehicle_id", "/driver_id", "/timestamp", "/data");
        assertNothingStoredOrPublished();
    }

    @Test
    void gzipBodiesAreAccepted() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buffer)) {
            gz.write(
                    KnownTrips.generate(new Random(1), UUID.randomUUID(), UUID.randomUUID())
                            .json()
                            .getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request =
                HttpRequest.newBuilder(uri("/api/v1/telemetry"))
                        .header("Content-Type", "application/json")
                        .header("Content-Encoding", "gzip")
                        .header("Authorization", "Bearer " + deviceKey())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(buffer.toByteArray()))
                        .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.messageCount() == 1);
    }

    @Test
    void wrongContentTypeRouteAndMethodAreProblems() throws Exception {
        HttpResponse<String> wrongType = post(EXAMPLE, "text/plain");
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(json.readTree(wrongType.body()).get("status").asInt()).isEqualTo(415);

        HttpResponse<String> noRoute =
                http.send(
                        HttpRequest.newBuilder(uri("/api/v1/nothing"))
                                .header("Authorization", "Bearer " + operatorToken())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(noRoute.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));

        HttpResponse<String> wrongMethod =
                http.send(
                        HttpRequest.newBuilder(uri("/api/v1/telemetry"))
                                .header("Authorization", "Bearer " + deviceKey())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json.readTree(wrongMethod.body()).get("status").asInt()).isEqualTo(405);
        assertNothingStoredOrPublished();
    }

    @Test
    void tripCanBeReadBackById() throws Exception {
        String tripId =
                json.readTree(post(EXAMPLE, "application/json").body()).get("trip_id").asText();

        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri("/api/v1/trips/" + tripId))
                                .header("Authorization", "Bearer " + operatorToken())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode trip = json.readTree(response.body());
        assertThat(trip.get("trip_id").asText()).isEqualTo(tripId);
        assertThat(trip.get("status").asText()).isEqualTo("PENDING");
        assertThat(trip.get("sample_count").asInt()).isEqualTo(1);

        HttpResponse<String> missing =
                http.send(
                        HttpRequest.newBuilder(uri("/api/v1/trips/" + UUID.randomUUID()))
                                .header("Authorization", "Bearer " + operatorToken())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void theOptionalVerticalAxisIsStoredAndReadBackAndTripsWithoutItAreUnchanged()
            throws Exception {
        String withVert =
                EXAMPLE.replace(
                        "\"data\":[{\"speed_kmh\":45,\"g_force_long\":0.1,\"g_force_lat\":0.0}]",
                        "\"sample_rate_hz\":50,\"data\":["
                                + "{\"speed_kmh\":45,\"g_force_long\":0.1,\"g_force_lat\":0.0,\"g_force_vert\":0.05},"
                                + "{\"speed_kmh\":44.5,\"g_force_long\":-2.1,\"g_force_lat\":0.3,\"g_force_vert\":-1.25}]");
        HttpResponse<String> accepted = post(withVert, "application/json");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID tripId = UUID.fromString(json.readTree(accepted.body()).get("trip_id").asText());
        String plainId =
                json.readTree(post(EXAMPLE, "application/json").body()).get("trip_id").asText();

        assertThat(stored(tripId).gForceVert()).containsExactly(0.05, -1.25);
        JsonNode samples = getJson("/api/v1/trips/" + tripId + "/samples");
        assertThat(samples.get("g_force_vert").toString()).isEqualTo("[0.05,-1.25]");
        assertThat(samples.get("g_force_long").toString()).isEqualTo("[0.1,-2.1]");
        JsonNode plain = getJson("/api/v1/trips/" + plainId + "/samples");
        assertThat(plain.get("g_force_vert").isNull()).isTrue();
        assertThat(stored(UUID.fromString(plainId)).gForceVert()).isNull();
    }

    /** The trip's samples as stored: format 2, in telemetry_bin. */
    private static TripSamples stored(UUID tripId) throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT telemetry_bin FROM telemetry.trip_samples"
                                        + " WHERE trip_id = ? AND telemetry_blob IS NULL")) {
            ps.setObject(1, tripId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("samples of " + tripId).isTrue();
                return TripBlobCodec.decode(rs.getBytes(1));
            }
        }
    }

    @Test
    void badOrPartialVerticalValuesAreNamedAndNothingIsStored() throws Exception {
        String bad =
                EXAMPLE.replace(
                        "\"data\":[{\"speed_kmh\":45,\"g_force_long\":0.1,\"g_force_lat\":0.0}]",
                        "\"data\":["
                                + "{\"speed_kmh\":45,\"g_force_long\":0.1,\"g_force_lat\":0.0,\"g_force_vert\":-16.5},"
                                + "{\"speed_kmh\":45,\"g_force_long\":0.1,\"g_force_lat\":0.0}]");

        HttpResponse<String> response = post(bad, "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.findValuesAsText("pointer"))
                .containsExactly("/data/0/g_force_vert", "/data/1/g_force_vert");
        assertThat(problem.findValuesAsText("message"))
                .containsExactly(
                        "must be between -16 and 16 g",
                        "is required because /data/0 gives g_force_vert: give g_force_vert for"
                                + " every sample or for none");
        assertNothingStoredOrPublished();
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Authorization", "Bearer " + operatorToken())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void tripsAcceptedWhileTheBrokerIsUnreachableArePublishedByTheRelay() throws Exception {
        gateway.close();
        GatewayConfig unreachable =
                GatewayConfig.local(
                        TestServices.dbUrl(),
                        TestServices.dbUser(),
                        "amqp://guest:guest@127.0.0.1:1/%2F",
                        queue.name());
        gateway = Gateway.start(unreachable.withAuth(true).withDevCredentials(true));
        java.util.Set<String> accepted = new java.util.TreeSet<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = post(EXAMPLE, "application/json");
            assertThat(response.statusCode()).isEqualTo(202);
            accepted.add(json.readTree(response.body()).get("trip_id").asText());
        }
        UUID tripId = UUID.fromString(accepted.iterator().next());
        assertThat(DB.status(tripId)).isEqualTo("PENDING");
        assertThat(queue.messageCount()).isZero();
        gateway.close();

        gateway = Gateway.start(TestGateway.local(queue.name()));
        // The relay takes trips older than its minimum age (2 s locally) and runs every second.
        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.relay().republished() == 5);

        assertThat(queue.messageCount()).isEqualTo(5);
        java.util.Set<String> published = new java.util.TreeSet<>();
        for (String message : queue.drain()) {
            assertThat(message).endsWith("|2"); // persistent
            published.add(message.substring(0, 36));
        }
        assertThat(published).isEqualTo(accepted);
        assertThat(gateway.relay().runOnce()).isZero();
    }

    private void assertNothingStoredOrPublished() throws Exception {
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isZero();
        assertThat(queue.messageCount()).isZero();
    }

    private HttpResponse<String> post(String body, String contentType) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/api/v1/telemetry"))
                        .header("Content-Type", contentType)
                        .header("Authorization", "Bearer " + deviceKey())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String deviceKey() {
        return gateway.devCredentials().orElseThrow().deviceKey();
    }

    private String operatorToken() {
        return gateway.devCredentials().orElseThrow().operatorToken();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }
}
