package io.fleetflow.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.admin.ApiKeyAdmin;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API keys over real HTTP: who may post, who may read, and what happens to everyone else. */
class AuthITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private final ObjectMapper json = new ObjectMapper();
    private Gateway gateway;
    private GatewayHttp http;

    @BeforeEach
    void start() throws Exception {
        gateway = Gateway.start(TestGateway.local(queue.name()).withAuth(true));
        http = new GatewayHttp(gateway::port);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void ingestWithoutKeyIsUnauthorizedWithBearerChallenge() throws Exception {
        HttpResponse<String> response = http.postTrip(GatewayHttp.EXAMPLE, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void unknownAndMalformedKeysAreUnauthorized() throws Exception {
        assertThat(http.postTrip(GatewayHttp.EXAMPLE, "ffd_not-a-real-key").statusCode())
                .isEqualTo(401);
        HttpResponse<String> basic =
                http.send(
                        http.request("/api/v1/telemetry")
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Basic Zm9vOmJhcg==")
                                .POST(
                                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                                GatewayHttp.EXAMPLE))
                                .build());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void keyCreatedByTheAdminToolIsStoredOnlyAsHashAndAccepted() throws Exception {
        String key = admin("create", "--role", "DEVICE", "--name", "truck 7").trim();

        assertThat(key).startsWith("ffd_");
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.api_keys WHERE key_sha256 = ?",
                                ApiKeySecrets.sha256(key)))
                .isEqualTo(1);
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.api_keys WHERE key_sha256 = ? OR key_prefix = ?"
                                        + " OR name = ?",
                                key,
                                key,
                                key))
                .isZero();
        assertThat(http.postTrip(GatewayHttp.EXAMPLE, key).statusCode()).isEqualTo(202);
        assertThat(admin("list")).contains("DEVICE").contains("truck 7").doesNotContain(key);
    }

    @Test
    void revokedKeyIsRefusedAndStoresNothing() throws Exception {
        String key = admin("create", "--role", "DEVICE", "--name", "lost phone").trim();
        admin("revoke", ApiKeySecrets.displayPrefix(key));

        HttpResponse<String> response = http.postTrip(GatewayHttp.EXAMPLE, key);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("revoked");
        assertNothingStored();
    }

    @Test
    void eachRoleIsRefusedTheOthersRoutes() throws Exception {
        String device = admin("create", "--role", "DEVICE", "--name", "d").trim();
        String operator = admin("create", "--role", "OPERATOR", "--name", "o").trim();

        assertThat(http.postTrip(GatewayHttp.EXAMPLE, operator).statusCode()).isEqualTo(403);
        String tripId =
                json.readTree(http.postTrip(GatewayHttp.EXAMPLE, device).body())
                        .get("trip_id")
                        .asText();
        assertThat(http.get("/api/v1/trips/" + tripId, device).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/trips/" + tripId, null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/trips/" + tripId, operator).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/anything-else", null).statusCode()).isEqualTo(401);
    }

    @Test
    void healthMetricsAndApiDescriptionArePublic() throws Exception {
        assertThat(http.get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/metrics", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/openapi.json", null).statusCode()).isEqualTo(200);
    }

    @Test
    void adminToolRejectsBadUsage() {
        assertThat(
                        ApiKeyAdmin.run(
                                new String[] {"create", "--role", "ROOT", "--name", "x"},
                                DB.dataSource(),
                                nullStream(),
                                nullStream()))
                .isEqualTo(2);
        assertThat(
                        ApiKeyAdmin.run(
                                new String[] {"revoke", "ffd_"},
                                DB.dataSource(),
                                nullStream(),
                                nullStream()))
                .isEqualTo(2);
        assertThat(
                        ApiKeyAdmin.run(
                                new String[] {"revoke", "999999"},
                                DB.dataSource(),
                                nullStream(),
                                nullStream()))
                .isEqualTo(1);
    }

    private String admin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status =
                ApiKeyAdmin.run(
                        args,
                        DB.dataSource(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        nullStream());
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream nullStream() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }

    private void assertNothingStored() throws Exception {
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isZero();
        assertThat(queue.messageCount()).isZero();
    }
}
