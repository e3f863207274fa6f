package io.fleetflow.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.auth.ApiKeyRole;
import io.fleetflow.gateway.auth.ApiKeyStore;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.model.ingest.PayloadLimits;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request of the malformed corpus gets its documented 4xx as problem+json, naming the
 * offending values, and leaves no row and no message behind. The gateway runs with a 4 MiB body
 * limit and 1000 samples at most, so the size cases stay small.
 */
class MalformedCorpusITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();

    static final TestQueue QUEUE = new TestQueue();
    private static Gateway gateway;
    private static GatewayHttp http;
    private static String deviceKey;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        QUEUE.beforeEach(null);
        gateway =
                Gateway.start(
                        TestGateway.local(QUEUE.name()).toBuilder()
                                .maxBodyBytes(4L * 1024 * 1024)
                                .payloadLimits(new PayloadLimits(1000, Duration.ofMinutes(5), 100))
                                .authEnabled(true)
                                .build());
        http = new GatewayHttp(gateway::port);
    }

    @BeforeEach
    void createDeviceKey() throws Exception {
        // The database extension empties api_keys after each test.
        deviceKey = new ApiKeyStore(DB.dataSource()).create(ApiKeyRole.DEVICE, "corpus").secret();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        QUEUE.afterEach(null);
    }

    static Stream<MalformedCase> corpus() throws Exception {
        return files().stream().map(MalformedCase::read);
    }

    private static List<Path> files() throws URISyntaxException, java.io.IOException {
        Path dir = Path.of(MalformedCorpusITCase.class.getResource("/malformed").toURI());
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".case")).sorted().toList();
        }
    }

    @Test
    void corpusHasAtLeastFortyCases() throws Exception {
        assertThat(files()).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answeredWithTheDocumentedProblemAndNothingStored(MalformedCase c) throws Exception {
        HttpRequest.Builder request =
                http.request("/api/v1/telemetry")
                        .header("Authorization", "Bearer " + deviceKey)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
        c.headers()
                .forEach(
                        (name, value) -> {
                            if (!value.isEmpty()) {
                                request.header(name, value);
                            }
                        });

        HttpResponse<String> response = http.send(request.build());

        assertThat(response.statusCode()).as(c.toString()).isEqualTo(c.status());
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(c.status());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        if (c.pointers() != null) {
            assertThat(problem.findValuesAsText("pointer"))
                    .as(c + ": " + response.body())
                    .containsExactlyInAnyOrderElementsOf(c.pointers());
        }
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isZero();
        assertThat(QUEUE.messageCount()).isZero();
    }
}
