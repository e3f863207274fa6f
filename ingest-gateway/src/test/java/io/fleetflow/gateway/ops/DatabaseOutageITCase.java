package io.fleetflow.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.GatewayConfig;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.testing.TcpProxy;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL goes away (its TCP path is cut): ingest and authentication answer 503 with Retry-After
 * and write nothing; when it is back, trips are accepted again.
 */
class DatabaseOutageITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private final ObjectMapper json = new ObjectMapper();
    private TcpProxy proxy;
    private Gateway gateway;
    private GatewayHttp http;

    @BeforeEach
    void start() throws Exception {
        URI db = URI.create(TestServices.dbUrl().substring("jdbc:".length()));
        proxy = new TcpProxy(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort()).start();
        String proxiedUrl =
                "jdbc:postgresql://127.0.0.1:"
                        + proxy.port()
                        + db.getPath()
                        + (db.getQuery() == null ? "" : "?" + db.getQuery());
        gateway =
                Gateway.start(
                        GatewayConfig.local(
                                        proxiedUrl,
                                        TestServices.dbUser(),
                                        TestServices.amqpUri(),
                                        queue.name())
                                .withAuth(true)
                                .withDevCredentials(true));
        http = new GatewayHttp(gateway::port);
    }

    @AfterEach
    void stop() {
        gateway.close();
        proxy.close();
    }

    @Test
    void ingestAnswers503WithRetryAfterAndWritesNothingWhileTheDatabaseIsAway() throws Exception {
        String key = gateway.devCredentials().orElseThrow().deviceKey();
        assertThat(http.postTrip(GatewayHttp.EXAMPLE, key).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                DB.count(
                                                "SELECT count(*) FROM telemetry.trip_logs WHERE published_at IS NOT NULL")
                                        == 1);
        long before = DB.count("SELECT count(*) FROM telemetry.trip_logs");

        proxy.stop();
        HttpResponse<String> during = http.postTrip(GatewayHttp.EXAMPLE, key);

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).isPresent();
        assertThat(during.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(during.body()).get("status").asInt()).isEqualTo(503);
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(before);
        assertThat(queue.messageCount()).isEqualTo(1);

        proxy.start();
        // A client retries as told; pooled connections cut by the outage are evicted on failure.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> http.postTrip(GatewayHttp.EXAMPLE, key).statusCode() == 202);
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(before + 1);
    }

    @Test
    void readinessReportsTheDatabaseDown() throws Exception {
        proxy.stop();

        HttpResponse<String> ready = http.get("/health/ready", null);

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(json.readTree(ready.body()).get("database").asText()).isEqualTo("DOWN");
    }
}
