package io.fleetflow.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request ids, metrics, the concurrency limit and graceful shutdown, over real HTTP. */
class OperationsITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private Gateway gateway;
    private GatewayHttp http;

    private void start(int maxConcurrentIngests) throws Exception {
        gateway =
                Gateway.start(
                        TestGateway.local(queue.name()).toBuilder()
                                .maxConcurrentIngests(maxConcurrentIngests)
                                .build());
        http = new GatewayHttp(gateway::port);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /**
     * Javalin builds part of its servlet's configuration lazily, without a lock, on the first
     * request, and requests racing into that first initialization failed with a 500 (a
     * NullPointerException inside Javalin; seen once in TripPipelineITCase, which posts
     * concurrently right after start). The race itself is too narrow to provoke on demand, so this
     * checks what prevents it: the gateway has served one request of its own before start returns.
     */
    @Test
    void theGatewayServesOneRequestOfItsOwnBeforeStartReturns() throws Exception {
        start(4);

        assertThat(http.get("/metrics", null).body())
                .contains(
                        "fleetflow_http_requests_total{method=\"GET\",route=\"/health/live\",status=\"200\"} 1");
    }

    @Test
    void requestIdIsEchoedOrAssigned() throws Exception {
        start(4);
        HttpResponse<String> given =
                http.send(
                        http.request("/health/live")
                                .header("X-Request-Id", "abc-123")
                                .GET()
                                .build());
        HttpResponse<String> assigned = http.get("/health/live", null);
        HttpResponse<String> hostile =
                http.send(
                        http.request("/health/live")
                                .header("X-Request-Id", "x".repeat(500))
                                .GET()
                                .build());

        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(assigned.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(v -> assertThat(v).hasSize(36));
        assertThat(hostile.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(v -> assertThat(v).hasSize(36));
    }

    @Test
    void metricsCountRequestsTripsAndRejectionsByReason() throws Exception {
        start(4);
        http.postTrip(GatewayHttp.EXAMPLE, null);
        http.postTrip("{}", null);
        http.postTrip("{", null);

        String metrics = http.get("/metrics", null).body();

        assertThat(metrics)
                .contains(
                        "fleetflow_http_requests_total{method=\"POST\",route=\"/api/v1/telemetry\",status=\"202\"} 1")
                .contains(
                        "fleetflow_http_requests_total{method=\"POST\",route=\"/api/v1/telemetry\",status=\"400\"} 2")
                .contains("fleetflow_trips_accepted_total 1")
                .contains("fleetflow_trips_rejected_total{reason=\"invalid-trip\"} 2")
                .contains(
                        "fleetflow_http_request_duration_seconds_count{method=\"POST\",route=\"/api/v1/telemetry\"} 3")
                .contains("fleetflow_db_pool_connections{state=\"active\"}")
                .contains("fleetflow_relay_republished_total 0")
                .contains("fleetflow_publish_failures_total 0");
    }

    @Test
    void ingestsOverTheConcurrencyLimitAreRefusedWith503AndRetryAfter() throws Exception {
        start(1);
        SlowPost first = startSlowPost(GatewayHttp.EXAMPLE);
        awaitSlowPostInFlight(); // it holds the only permit, waiting for the rest of its body

        List<LogEvent> logged = captureLogs();
        HttpResponse<String> second =
                http.postTrip(GatewayHttp.EXAMPLE, null, "X-Request-Id", "overload-check-1");

        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("X-Request-Id")).hasValue("overload-check-1");
        assertThat(logged)
                .as("the 503 is logged with the request id")
                .anySatisfy(
                        e -> {
                            assertThat(e.getMessage().getFormattedMessage()).contains("503");
                            assertThat(e.getContextData().<String>getValue("request_id"))
                                    .isEqualTo("overload-check-1");
                        });
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(first.finish()).isEqualTo(202);
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(1);
        assertThat(http.get("/metrics", null).body())
                .contains("fleetflow_trips_rejected_total{reason=\"service-unavailable\"} 1");
    }

    @Test
    void shutdownFinishesTheRequestInFlight() throws Exception {
        start(4);
        SlowPost inFlight = startSlowPost(GatewayHttp.EXAMPLE);
        awaitSlowPostInFlight();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(gateway::close);
        Thread.sleep(300);
        assertThat(closing).isNotDone();

        assertThat(inFlight.finish()).isEqualTo(202);
        closing.get(20, TimeUnit.SECONDS);
        gateway = null;
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(1);
    }

    /** Waits until the gateway handles two requests: the slow post and the metrics call itself. */
    private void awaitSlowPostInFlight() {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () ->
                                http.get("/metrics", null)
                                        .body()
                                        .contains("fleetflow_http_in_flight 2"));
    }

    private static final String CAPTURE = "operations-it-capture";

    /** Collects every log event from now until the test ends. */
    private static List<LogEvent> captureLogs() {
        List<LogEvent> events = new CopyOnWriteArrayList<>();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        AbstractAppender appender =
                new AbstractAppender(CAPTURE, null, null, true, Property.EMPTY_ARRAY) {
                    @Override
                    public void append(LogEvent event) {
                        events.add(event.toImmutable());
                    }
                };
        appender.start();
        config.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        return events;
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(CAPTURE);
        context.updateLoggers();
    }

    /**
     * Sends the request line, the headers and half the body over a raw socket, so the gateway is
     * provably inside the handler, reading; {@link SlowPost#finish()} sends the rest.
     */
    private SlowPost startSlowPost(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket("127.0.0.1", gateway.port());
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(
                ("POST /api/v1/telemetry HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/json\r\nContent-Length: "
                                + bytes.length
                                + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        return new SlowPost(socket, bytes);
    }

    /** A request whose body is half sent. */
    record SlowPost(Socket socket, byte[] body) {
        /** Sends the rest and answers the response's status code. */
        int finish() throws IOException {
            try (socket) {
                OutputStream out = socket.getOutputStream();
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                BufferedReader in =
                        new BufferedReader(
                                new InputStreamReader(
                                        socket.getInputStream(), StandardCharsets.US_ASCII));
                String statusLine = in.readLine();
                return Integer.parseInt(statusLine.split(" ")[1]);
            }
        }
    }
}
