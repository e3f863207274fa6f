package io.fleetflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.fleetflow.gateway.alerts.AlertSettings;
import io.fleetflow.gateway.alerts.WebhookSignature;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.GatewayConfig;
import io.fleetflow.gateway.app.GatewayEnvironment;
import io.fleetflow.job.TripScoringJob;
import io.fleetflow.job.options.DatabaseOptions;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.RuntimeOptions;
import io.fleetflow.job.options.SourceOptions;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.model.AlertRule;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.simulator.DrivingStyle;
import io.fleetflow.simulator.SimulatedTrip;
import io.fleetflow.simulator.TripGenerator;
import io.fleetflow.simulator.TripJson;
import io.fleetflow.simulator.TripSettings;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Alerts on the whole path (docs/alerts.md): simulated trips with planted crashes posted to a real
 * gateway, scored by the job on a MiniCluster at parallelism 2; the webhook receiver is down while
 * the trips are scored and comes up afterwards. Every stored CRASH or SEVERE event has exactly one
 * alert, no other event has one, and the receiver gets every alert, signed, once it is back.
 */
class AlertPipelineITCase {

    private static final int TRIPS = 16;
    private static final String SECRET = "pipeline-secret";

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    /** A request the receiver got: the alert id header, the signature header, the raw body. */
    private record Received(String alertId, String signature, byte[] body) {}

    @Test
    void everyCrashAndSevereEventRaisesOneAlertAndADownReceiverGetsThemAllOnceBack()
            throws Exception {
        int port = freePort();
        AlertSettings alerts =
                AlertSettings.storeOnly()
                        .withPollInterval(Duration.ofMillis(100))
                        .withRetry(Duration.ofMillis(200), Duration.ofMillis(800))
                        .withWebhook(URI.create("http://127.0.0.1:" + port + "/hook"), SECRET);
        JobOptions options =
                JobOptions.builder()
                        .set(SourceOptions.AMQP_URI, TestServices.amqpUri())
                        .set(SourceOptions.QUEUE, queue.name())
                        .set(DatabaseOptions.JDBC_URL, TestServices.dbUrl())
                        .set(DatabaseOptions.JDBC_USER, TestServices.dbUser())
                        .set(DatabaseOptions.JDBC_PASSWORD, TestServices.dbPassword())
                        .set(RuntimeOptions.PARALLELISM, 2)
                        .set(RuntimeOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500))
                        .build();
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        TripScoringJob job =
                new TripScoringJob(
                        new RabbitTripIdSource(options),
                        new JdbcResultSinks(options),
                        Scorers.defaultScorer(),
                        options);

        try (Gateway gateway =
                Gateway.start(
                        GatewayConfig.local(
                                TestServices.dbUrl(),
                                TestServices.dbUser(),
                                TestServices.amqpUri(),
                                queue.name()),
                        GatewayEnvironment.readApiSettings(Map.of()),
                        alerts)) {
            JobClient client = job.start(env);
            try {
                post(gateway.port());
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(250))
                        .until(
                                () ->
                                        DB.count(
                                                        "SELECT count(*) FROM telemetry.trip_logs"
                                                                + " WHERE status = 'COMPLETED'")
                                                == TRIPS);

                Set<UUID> expected = alertingEvents();
                assertThat(expected).as("alerting events stored").isNotEmpty();
                assertThat(
                                DB.count(
                                        "SELECT count(*) FROM telemetry.trip_events"
                                                + " WHERE event_type = 'CRASH'"))
                        .as("crashes found")
                        .isPositive();
                assertThat(alertIds()).isEqualTo(expected);
                assertThat(
                                DB.count(
                                        "SELECT count(*) FROM telemetry.alerts WHERE delivered_at IS NOT NULL"))
                        .isZero();
                await().atMost(Duration.ofSeconds(10))
                        .until(
                                () ->
                                        DB.count(
                                                        "SELECT count(*) FROM telemetry.alerts"
                                                                + " WHERE last_error IS NOT NULL")
                                                > 0);

                List<Received> received = new CopyOnWriteArrayList<>();
                HttpServer receiver = receiver(port, received);
                try {
                    await().atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(100))
                            .until(
                                    () ->
                                            DB.count(
                                                            "SELECT count(*) FROM telemetry.alerts"
                                                                    + " WHERE delivered_at IS NULL")
                                                    == 0);
                } finally {
                    receiver.stop(0);
                }
                Set<UUID> got = new HashSet<>();
                ObjectMapper json = new ObjectMapper();
                for (Received r : received) {
                    assertThat(WebhookSignature.verify(SECRET, r.body(), r.signature())).isTrue();
                    assertThat(json.readTree(r.body()).get("id").asText()).isEqualTo(r.alertId());
                    got.add(UUID.fromString(r.alertId()));
                }
                assertThat(got).isEqualTo(expected);
                assertThat(alertIds()).isEqualTo(expected);
            } finally {
                client.cancel().get();
            }
        }
    }

    private static void post(int port) throws Exception {
        TripGenerator generator =
                new TripGenerator(
                        TripSettings.DEFAULTS
                                .withSampleRate(50)
                                .withDuration(Duration.ofSeconds(60), Duration.ofSeconds(90))
                                .withCrashShare(0.5));
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < TRIPS; i++) {
            SimulatedTrip trip =
                    generator.generate(
                            1_000 + i,
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            i % 2 == 0 ? DrivingStyle.AGGRESSIVE : DrivingStyle.NORMAL,
                            Instant.now().minus(Duration.ofMinutes(5)));
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + port
                                                            + "/api/v1/telemetry"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofByteArray(
                                                    TripJson.toBody(trip)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }
    }

    /** The ids the alerts of the stored CRASH and SEVERE events must have. */
    private static Set<UUID> alertingEvents() throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT trip_id, seq, event_type FROM telemetry.trip_events"
                                        + " WHERE event_type = 'CRASH' OR severity = 'SEVERE'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(
                        AlertRule.alertId(
                                rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)));
            }
        }
        return ids;
    }

    private static Set<UUID> alertIds() throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM telemetry.alerts");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static HttpServer receiver(int port, List<Received> received) throws Exception {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(
                "/hook",
                exchange -> {
                    byte[] body;
                    try (InputStream in = exchange.getRequestBody()) {
                        body = in.readAllBytes();
                    }
                    received.add(
                            new Received(
                                    exchange.getRequestHeaders()
                                            .getFirst(WebhookSignature.ALERT_ID_HEADER),
                                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                                    body));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        server.start();
        return server;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
