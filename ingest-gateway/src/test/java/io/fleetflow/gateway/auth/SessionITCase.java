package io.fleetflow.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dashboard sessions over real HTTP and a real database: signing in with a token, the cookie's
 * flags, reads and writes with the cookie (CSRF token, origin), roles, sign-out and expiry.
 */
class SessionITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private static final String VEHICLE = "/api/v1/vehicles/3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10";
    private static final Pattern SESSION_ID = Pattern.compile("^fleetflow_session=([^;]*)");

    private final ObjectMapper json = new ObjectMapper();
    private final ApiKeyStore keys = new ApiKeyStore(DB.dataSource());
    private Gateway gateway;
    private GatewayHttp http;
    private String operator;
    private String viewer;
    private String device;

    @BeforeEach
    void start() throws Exception {
        gateway =
                Gateway.start(
                        TestGateway.local(queue.name()).withAuth(true).toBuilder()
                                .sessionTtl(Duration.ofHours(2))
                                .build());
        http = new GatewayHttp(() -> gateway.port());
        operator = keys.create(ApiKeyRole.OPERATOR, "night shift lead").secret();
        viewer = keys.create(ApiKeyRole.VIEWER, "wall screen").secret();
        device = keys.create(ApiKeyRole.DEVICE, "truck 7").secret();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void anOperatorTokenOpensASessionInAnHttpOnlyStrictCookie() throws Exception {
        HttpResponse<String> response = signIn(operator);

        assertThat(response.statusCode()).isEqualTo(201);
        String cookie = setCookie(response);
        assertThat(cookie)
                .matches("fleetflow_session=[A-Za-z0-9_-]{43}; .*")
                .contains("; HttpOnly")
                .contains("; SameSite=Strict")
                .contains("; Path=/")
                .contains("; Max-Age=7200")
                .doesNotContain("Secure")
                .doesNotContain(operator);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("key_name").asText()).isEqualTo("night shift lead");
        assertThat(body.get("role").asText()).isEqualTo("OPERATOR");
        assertThat(body.get("csrf_token").asText()).hasSize(43);
        assertThat(Instant.parse(body.get("expires_at").asText()))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(119)),
                        Instant.now().plus(Duration.ofMinutes(121)));
        assertThat(response.body()).doesNotContain(operator).doesNotContain(sessionId(response));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");

        String id = sessionId(response);
        assertThat(DB.count("SELECT count(*) FROM telemetry.sessions")).isEqualTo(1);
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.sessions WHERE id_sha256 = ?",
                                ApiKeySecrets.sha256(id)))
                .isEqualTo(1);
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.sessions WHERE id_sha256 IN (?, ?)",
                                id,
                                body.get("csrf_token").asText()))
                .isZero();
    }

    @Test
    void theCookieIsSecureWhenAProxySaysTheRequestCameOverTls() throws Exception {
        HttpResponse<String> response =
                http.send(
                        signInRequest(viewer)
                                .header("X-Forwarded-Proto", "https")
                                .header("Origin", "https://127.0.0.1:" + gateway.port())
                                .build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(setCookie(response)).endsWith("; Secure");
        assertThat(json.readTree(response.body()).get("role").asText()).isEqualTo("VIEWER");
    }

    @Test
    void deviceKeysUnknownTokensAndBadBodiesOpenNoSession() throws Exception {
        HttpResponse<String> deviceAnswer = signIn(device);
        assertThat(deviceAnswer.statusCode()).isEqualTo(403);
        assertProblem(deviceAnswer);
        assertThat(json.readTree(deviceAnswer.body()).get("detail").asText())
                .contains("device key");
        HttpResponse<String> unknown = signIn("ffo_not-a-real-token");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertProblem(unknown);
        keys.revoke(ApiKeySecrets.displayPrefix(viewer));
        assertThat(signIn(viewer).statusCode()).isEqualTo(403);

        HttpResponse<String> empty = signInWith("{}", "application/json");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("errors").get(0).get("pointer").asText())
                .isEqualTo("/token");
        assertThat(signInWith("{\"token\":7}", "application/json").statusCode()).isEqualTo(400);
        assertThat(
                        signInWith("token=" + operator, "application/x-www-form-urlencoded")
                                .statusCode())
                .isEqualTo(415);
        HttpResponse<String> foreign =
                http.send(signInRequest(operator).header("Origin", "https://evil.example").build());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertProblem(foreign);

        for (HttpResponse<String> r : List.of(deviceAnswer, unknown, empty, foreign)) {
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(DB.count("SELECT count(*) FROM telemetry.sessions")).isZero();
    }

    @Test
    void theCookieAuthenticatesReadsAndSaysWhoseSessionItIs() throws Exception {
        HttpResponse<String> opened = signIn(viewer);
        String id = sessionId(opened);

        assertThat(send(withCookie("/api/v1/vehicles", id).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> who = send(withCookie("/api/v1/session", id).GET());
        assertThat(who.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(who.body());
        assertThat(body.get("key_name").asText()).isEqualTo("wall screen");
        assertThat(body.get("role").asText()).isEqualTo("VIEWER");
        assertThat(body.get("csrf_token").asText())
                .isEqualTo(json.readTree(opened.body()).get("csrf_token").asText());

        assertThat(http.get("/api/v1/session", null).statusCode()).isEqualTo(401);
        assertThat(send(withCookie("/api/v1/vehicles", "made-up-session").GET()).statusCode())
                .isEqualTo(401);
        // A bearer key still works on its own, and wins over a cookie.
        assertThat(http.get("/api/v1/vehicles", operator).statusCode()).isEqualTo(200);
        assertThat(
                        send(withCookie("/api/v1/vehicles", id)
                                        .header("Authorization", "Bearer " + device)
                                        .GET())
                                .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCookieWriteNeedsTheCsrfTokenAndTheGatewaysOwnOrigin() throws Exception {
        HttpResponse<String> opened = signIn(operator);
        String id = sessionId(opened);
        String csrf = json.readTree(opened.body()).get("csrf_token").asText();
        String body = "{\"name\":\"Van 12\",\"vehicle_class\":\"van\"}";

        HttpResponse<String> bare = send(withCookie(VEHICLE, id).PUT(json(body)));
        assertThat(bare.statusCode()).isEqualTo(403);
        assertProblem(bare);
        assertThat(json.readTree(bare.body()).get("detail").asText()).contains("X-CSRF-Token");
        HttpResponse<String> wrong =
                send(withCookie(VEHICLE, id).header("X-CSRF-Token", "guess").PUT(json(body)));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> foreign =
                send(
                        withCookie(VEHICLE, id)
                                .header("X-CSRF-Token", csrf)
                                .header("Origin", "https://evil.example")
                                .PUT(json(body)));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(DB.count("SELECT count(*) FROM telemetry.vehicles")).isZero();
        assertThat(DB.count("SELECT count(*) FROM telemetry.registry_audit")).isZero();

        HttpResponse<String> ok =
                send(
                        withCookie(VEHICLE, id)
                                .header("X-CSRF-Token", csrf)
                                .header("Origin", "http://127.0.0.1:" + gateway.port())
                                .PUT(json(body)));
        assertThat(ok.statusCode()).isEqualTo(200);
        // The change is recorded under the name of the token that opened the session.
        assertThat(json.readTree(ok.body()).get("updated_by").asText())
                .isEqualTo("night shift lead");
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.registry_audit"
                                        + " WHERE changed_by = 'night shift lead'"))
                .isEqualTo(1);
        // Bearer writes need no CSRF token, as before.
        assertThat(
                        http.send(
                                        http.request(VEHICLE)
                                                .header("Authorization", "Bearer " + operator)
                                                .header("Content-Type", "application/json")
                                                .PUT(json(body.replace("12", "13")))
                                                .build())
                                .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aViewerSessionMayNotWriteEvenWithItsCsrfToken() throws Exception {
        HttpResponse<String> opened = signIn(viewer);
        String csrf = json.readTree(opened.body()).get("csrf_token").asText();

        HttpResponse<String> write =
                send(
                        withCookie(VEHICLE, sessionId(opened))
                                .header("X-CSRF-Token", csrf)
                                .PUT(json("{\"name\":\"Van 12\"}")));

        assertThat(write.statusCode()).isEqualTo(403);
        assertProblem(write);
        assertThat(DB.count("SELECT count(*) FROM telemetry.vehicles")).isZero();
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() throws Exception {
        HttpResponse<String> opened = signIn(operator);
        String id = sessionId(opened);
        String csrf = json.readTree(opened.body()).get("csrf_token").asText();

        assertThat(send(withCookie("/api/v1/session", id).DELETE()).statusCode()).isEqualTo(403);
        assertThat(send(withCookie("/api/v1/vehicles", id).GET()).statusCode()).isEqualTo(200);

        HttpResponse<String> out =
                send(withCookie("/api/v1/session", id).header("X-CSRF-Token", csrf).DELETE());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(setCookie(out)).startsWith("fleetflow_session=;").contains("Max-Age=0");
        assertThat(DB.count("SELECT count(*) FROM telemetry.sessions")).isZero();
        // The browser may keep the old cookie: it opens nothing anymore.
        assertThat(send(withCookie("/api/v1/vehicles", id).GET()).statusCode()).isEqualTo(401);
        assertThat(send(withCookie("/api/v1/session", id).GET()).statusCode()).isEqualTo(401);
        assertThat(send(withCookie("/api/v1/session", id).DELETE()).statusCode()).isEqualTo(204);
    }

    @Test
    void signingInAgainEndsTheSessionTheBrowserHad() throws Exception {
        String first = sessionId(signIn(operator));

        HttpResponse<String> again =
                http.send(
                        signInRequest(viewer)
                                .header("Cookie", "fleetflow_session=" + first)
                                .build());

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(send(withCookie("/api/v1/vehicles", first).GET()).statusCode()).isEqualTo(401);
        String second = sessionId(again);
        HttpResponse<String> who = send(withCookie("/api/v1/session", second).GET());
        assertThat(json.readTree(who.body()).get("role").asText()).isEqualTo("VIEWER");
        assertThat(DB.count("SELECT count(*) FROM telemetry.sessions")).isEqualTo(1);
    }

    @Test
    void anExpiredSessionOrOneOfARevokedKeyIsRefused() throws Exception {
        String expired = sessionId(signIn(operator));
        String ofRevoked = sessionId(signIn(viewer));
        try (var c = DB.dataSource().getConnection();
                var ps =
                        c.prepareStatement(
                                "UPDATE telemetry.sessions SET expires_at = now() - interval '1"
                                        + " second' WHERE id_sha256 = ?")) {
            ps.setString(1, ApiKeySecrets.sha256(expired));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        keys.revoke(ApiKeySecrets.displayPrefix(viewer));

        for (String id : List.of(expired, ofRevoked)) {
            HttpResponse<String> read = send(withCookie("/api/v1/vehicles", id).GET());
            assertThat(read.statusCode()).isEqualTo(401);
            assertProblem(read);
            assertThat(send(withCookie("/api/v1/session", id).GET()).statusCode()).isEqualTo(401);
        }
        // Opening a session clears the ended ones out.
        signIn(operator);
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.sessions WHERE id_sha256 = ?",
                                ApiKeySecrets.sha256(expired)))
                .isZero();
    }

    @Test
    void aSessionOutlivesAGatewayRestart() throws Exception {
        String id = sessionId(signIn(operator));

        gateway.close();
        gateway = Gateway.start(TestGateway.local(queue.name()).withAuth(true));

        assertThat(send(withCookie("/api/v1/vehicles", id).GET()).statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder signInRequest(String token) {
        return http.request("/api/v1/session")
                .header("Content-Type", "application/json")
                .POST(json("{\"token\":\"" + token + "\"}"));
    }

    private HttpResponse<String> signIn(String token) throws Exception {
        return http.send(signInRequest(token).build());
    }

    private HttpResponse<String> signInWith(String body, String type) throws Exception {
        return http.send(
                http.request("/api/v1/session")
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private HttpRequest.Builder withCookie(String path, String sessionId) {
        return http.request(path)
                .header("Cookie", "fleetflow_session=" + sessionId)
                .header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build());
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private static String setCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(1);
        return cookies.get(0);
    }

    private static String sessionId(HttpResponse<String> response) {
        Matcher m = SESSION_ID.matcher(setCookie(response));
        assertThat(m.find()).as("a session cookie").isTrue();
        return m.group(1);
    }

    private void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }
}
