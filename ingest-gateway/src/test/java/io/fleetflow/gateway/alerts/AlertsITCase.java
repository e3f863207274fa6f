package io.fleetflow.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.GatewayApp;
import io.fleetflow.gateway.app.GatewayEnvironment;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.model.AlertRule;
import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TripSeeder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Alerts from the table the job fills to the operator and the webhook: a real gateway, real
 * PostgreSQL and a real HTTP receiver (docs/alerts.md). The job's side (an alert per crash and
 * severe event, once however often a trip is written) is {@code AlertOutboxITCase} in flink-job.
 */
class AlertsITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private static final String SECRET = "s3cret-shared-with-the-receiver";

    private final ObjectMapper json = new ObjectMapper();
    private Gateway gateway;
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void anAlertIsDeliveredOnceSignedWithItsStableId() throws Exception {
        receiver = new WebhookReceiver();
        UUID alert = raiseCrash();
        registerTheDriverOf(alert, "Ada Lovelace");
        gateway = start(fast().withWebhook(receiver.url(), SECRET));

        await(() -> !receiver.received().isEmpty());
        await(() -> delivered(alert));

        WebhookReceiver.Received r = receiver.received().get(0);
        assertThat(r.header("X-FleetFlow-Signature")).isEqualTo(hmacSha256(r.body()));
        assertThat(r.header("X-FleetFlow-Alert-Id")).isEqualTo(alert.toString());
        assertThat(r.header("X-FleetFlow-Delivery-Attempt")).isEqualTo("1");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("id").asText()).isEqualTo(alert.toString());
        assertThat(body.get("event_type").asText()).isEqualTo("CRASH");
        assertThat(body.get("severity").asText()).isEqualTo("SEVERE");
        assertThat(body.get("delta_v_kmh").asDouble()).isEqualTo(31.5);
        // names from the registry; the vehicle is not registered
        assertThat(body.get("driver_name").asText()).isEqualTo("Ada Lovelace");
        assertThat(body.get("vehicle_name").isNull()).isTrue();
        assertThat(body.get("status").asText()).isEqualTo("open");
        assertThat(DB.count("SELECT delivery_attempts FROM telemetry.alerts WHERE id = ?", alert))
                .isEqualTo(1);
        Thread.sleep(300); // several more polls: nothing is sent again
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aReceiverAnswering500TwiceGetsTheAlertOnTheThirdAttemptAfterBackoff() throws Exception {
        receiver = new WebhookReceiver();
        receiver.answer(500, 500);
        UUID alert = raiseCrash();
        gateway = start(fast().withWebhook(receiver.url(), SECRET));

        await(() -> delivered(alert));

        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got)
                .extracting(WebhookReceiver.Received::answered)
                .containsExactly(500, 500, 200);
        assertThat(got)
                .extracting(x -> x.header("X-FleetFlow-Alert-Id"))
                .containsOnly(alert.toString());
        assertThat(got)
                .extracting(x -> x.header("X-FleetFlow-Delivery-Attempt"))
                .containsExactly("1", "2", "3");
        assertThat(
                        DB.count(
                                "SELECT delivery_attempts FROM telemetry.alerts WHERE id = ?"
                                        + " AND last_error IS NULL",
                                alert))
                .isEqualTo(3);
        Thread.sleep(300);
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void nothingIsLostWhenTheDispatcherStopsMidWayOrTheReceiverIsDown() throws Exception {
        UUID refused = raiseCrash();
        AlertStore store = new AlertStore(DB.dataSource());
        AlertSettings settings =
                fast().withWebhook(java.net.URI.create("http://127.0.0.1:1/hook"), SECRET);

        // The receiver is down: the first dispatcher records a failed attempt, then stops.
        try (AlertDispatcher first =
                new AlertDispatcher(store, settings, GatewayApp.objectMapper())) {
            assertThat(first.runOnce()).isZero();
            assertThat(first.failedAttempts()).isEqualTo(1);
        }
        assertThat(store.delivery(refused).lastError()).isNotBlank();
        // A dispatcher that died after leasing an alert, before sending it.
        UUID leased = raiseCrash();
        assertThat(store.leaseDue(10, Duration.ofSeconds(2)))
                .extracting(Alert::id)
                .contains(leased);

        receiver = new WebhookReceiver();
        gateway = start(fast().withWebhook(receiver.url(), SECRET));

        await(() -> delivered(refused) && delivered(leased));
        assertThat(receiver.received())
                .extracting(x -> x.header("X-FleetFlow-Alert-Id"))
                .containsExactlyInAnyOrder(refused.toString(), leased.toString());
        assertThat(receiver.received())
                .allSatisfy(
                        x ->
                                assertThat(x.header("X-FleetFlow-Signature"))
                                        .isEqualTo(hmacSha256(x.body())));
    }

    /**
     * The case, at the gateway's default settings (poll 500 ms, retries after 1 s doubling
     * up to 5 min, never given up): the receiver is down for a minute while an alert is raised
     * every 10 s; once it is back, each of them arrives exactly once.
     */
    @Test
    void aReceiverDownForAMinuteGetsEveryAlertOnceItIsBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        AlertSettings defaults =
                AlertSettings.storeOnly()
                        .withWebhook(URI.create("http://127.0.0.1:" + port + "/hook"), SECRET);
        gateway = start(defaults);

        List<UUID> raised = new ArrayList<>();
        long downUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < downUntil) {
            raised.add(raiseCrash());
            Thread.sleep(10_000);
        }
        assertThat(raised).hasSizeGreaterThanOrEqualTo(6);
        for (UUID alert : raised) {
            assertThat(
                            DB.count(
                                    "SELECT count(*) FROM telemetry.alerts WHERE id = ?"
                                            + " AND delivered_at IS NULL AND delivery_attempts >= 1"
                                            + " AND last_error IS NOT NULL",
                                    alert))
                    .as("alert %s tried, failed and kept while the receiver was down", alert)
                    .isEqualTo(1);
        }

        receiver = new WebhookReceiver(port);
        await(() -> raised.stream().allMatch(AlertsITCase::delivered), Duration.ofSeconds(90));
        assertThat(receiver.received())
                .extracting(x -> x.header("X-FleetFlow-Alert-Id"))
                .containsExactlyInAnyOrderElementsOf(raised.stream().map(UUID::toString).toList());
    }

    @Test
    void anOperatorListsAndAcknowledgesAlertsADeviceKeyMayNot() throws Exception {
        UUID alert = raiseCrash();
        gateway = Gateway.start(TestGateway.authenticated(queue.name()), readSettings(), fast());
        GatewayHttp http = new GatewayHttp(gateway::port);
        String operator = gateway.devCredentials().orElseThrow().operatorToken();
        String device = gateway.devCredentials().orElseThrow().deviceKey();

        JsonNode open = json.readTree(http.get("/api/v1/alerts?status=open", operator).body());
        assertThat(open.get("items")).hasSize(1);
        assertThat(open.get("items").get(0).get("id").asText()).isEqualTo(alert.toString());
        assertThat(open.get("items").get(0).get("acknowledged_at").isNull()).isTrue();

        assertThat(acknowledge(http, alert, device).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/alerts", device).statusCode()).isEqualTo(403);
        assertThat(DB.count("SELECT count(*) FROM telemetry.alerts WHERE acknowledged_at IS NULL"))
                .isEqualTo(1);

        HttpResponse<String> ack = acknowledge(http, alert, operator);
        assertThat(ack.statusCode()).isEqualTo(200);
        JsonNode acked = json.readTree(ack.body());
        assertThat(acked.get("status").asText()).isEqualTo("acknowledged");
        assertThat(acked.get("acknowledged_by").asText()).startsWith("dev operator token");
        String at = acked.get("acknowledged_at").asText();

        JsonNode again = json.readTree(acknowledge(http, alert, operator).body());
        assertThat(again.get("acknowledged_at").asText()).isEqualTo(at);
        assertThat(json.readTree(http.get("/api/v1/alerts", operator).body()).get("items"))
                .isEmpty();
        assertThat(
                        json.readTree(
                                        http.get("/api/v1/alerts?status=acknowledged", operator)
                                                .body())
                                .get("items"))
                .hasSize(1);

        HttpResponse<String> unknown = acknowledge(http, UUID.randomUUID(), operator);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        HttpResponse<String> bad = http.get("/api/v1/alerts?status=closed", operator);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("detail").asText()).contains("status");
        assertThat(http.get("/api/v1/alerts?limit=0", operator).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> acknowledge(GatewayHttp http, UUID alert, String key)
            throws Exception {
        return http.send(
                http.request("/api/v1/alerts/" + alert + "/acknowledge")
                        .header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
    }

    private Gateway start(AlertSettings alerts) throws Exception {
        return Gateway.start(TestGateway.local(queue.name()), readSettings(), alerts);
    }

    private static io.fleetflow.gateway.read.ReadApiSettings readSettings() {
        return GatewayEnvironment.readApiSettings(Map.of());
    }

    /** Polls every 50 ms; retries after 100 ms, then 200, at most 400. */
    private static AlertSettings fast() {
        return AlertSettings.storeOnly()
                .withPollInterval(Duration.ofMillis(50))
                .withRetry(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    /** A stored trip with a severe crash, its alert as the job's score statement inserts it. */
    private static UUID raiseCrash() throws Exception {
        KnownTrips.KnownTrip known =
                KnownTrips.generate(new Random(3), UUID.randomUUID(), UUID.randomUUID());
        UUID trip = new TripSeeder(DB.dataSource()).store(known.json());
        UUID id = AlertRule.alertId(trip, 2, "CRASH");
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO telemetry.alerts (id, trip_id, seq, event_type, severity,"
                                        + " driver_id, vehicle_id, event_start_ms, peak, delta_v_kmh)"
                                        + " SELECT ?, id, 2, 'CRASH', 'SEVERE', driver_id, vehicle_id,"
                                        + " 61000, 3.25, 31.5 FROM telemetry.trip_logs WHERE id = ?")) {
            ps.setObject(1, id);
            ps.setObject(2, trip);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        return id;
    }

    private static void registerTheDriverOf(UUID alert, String name) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO telemetry.drivers (driver_id, name, updated_by)"
                                        + " SELECT driver_id, ?, 'test' FROM telemetry.alerts"
                                        + " WHERE id = ?")) {
            ps.setString(1, name);
            ps.setObject(2, alert);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static boolean delivered(UUID alert) {
        try {
            return DB.count(
                            "SELECT count(*) FROM telemetry.alerts WHERE id = ?"
                                    + " AND delivered_at IS NOT NULL",
                            alert)
                    == 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        await(condition, Duration.ofSeconds(20));
    }

    private static void await(BooleanSupplier condition, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited %s", atMost).isNegative();
            Thread.sleep(20);
        }
    }

    /** The signature computed here, independently of the gateway's code. */
    private static String hmacSha256(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
