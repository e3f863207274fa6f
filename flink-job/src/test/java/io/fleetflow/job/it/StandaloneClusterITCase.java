package io.fleetflow.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shaded job jar on a real Flink session cluster (JobManager and TaskManager processes started
 * by scripts/flink-cluster.sh from Maven jars), submitted through the REST API as a data engineer
 * would: it scores trips, and its custom metrics show through the REST API behind the Web UI.
 */
class StandaloneClusterITCase {

    private static final int TRIPS = 100;

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theShadedJarSubmittedOverRestScoresTripsAndReportsItsMetrics() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path jar = shadedJar(module.resolve("target"));
        FlinkClusterScript cluster =
                new FlinkClusterScript(
                        module.getParent(), module.resolve("target/flink-cluster-it"));
        cluster.start();
        try {
            String jobId =
                    cluster.submit(
                            jar,
                            List.of(
                                    "--amqp-uri", TestServices.amqpUri(),
                                    "--queue", queue.name(),
                                    "--amqp-connection-name", "fleetflow-it-" + queue.name(),
                                    "--jdbc-url", TestServices.dbUrl(),
                                    "--jdbc-user", TestServices.dbUser(),
                                    "--jdbc-password", TestServices.dbPassword(),
                                    "--parallelism", "2",
                                    "--checkpoint-interval-ms", "1000"));
            assertThat(jobId).matches("[0-9a-f]{32}");

            SeededTrips seeded =
                    SeededTrips.seed(
                            TRIPS, 5, DB.dataSource(), queue.name(), Scorers.defaultScorer());
            ScoringAssertions.awaitAllCompleted(DB, TRIPS, Duration.ofMinutes(2));
            ScoringAssertions.assertEveryTripScoredExactlyOnce(DB, seeded);
            ScoringAssertions.assertDriverStatsEqualSumOverTrips(DB, 5, Duration.ofSeconds(30));

            assertThat(get(cluster.restUrl() + "/jobs/" + jobId).get("state").asText())
                    .isEqualTo("RUNNING");
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () ->
                                    operatorMetric(cluster, jobId, "Score trip", "tripsScored")
                                            == TRIPS);
        } finally {
            cluster.stop();
        }
    }

    /** Sum over subtasks of an operator metric, as the Web UI reads it. */
    private long operatorMetric(
            FlinkClusterScript cluster, String jobId, String vertexNamePart, String metric)
            throws Exception {
        String base = cluster.restUrl() + "/jobs/" + jobId;
        for (JsonNode vertex : get(base).get("vertices")) {
            if (!vertex.get("name").asText().contains(vertexNamePart)) {
                continue;
            }
            String vertexUrl = base + "/vertices/" + vertex.get("id").asText();
            for (JsonNode available : get(vertexUrl + "/subtasks/metrics")) {
                String id = available.get("id").asText();
                if (id.endsWith("." + metric)) {
                    JsonNode values =
                            get(
                                    vertexUrl
                                            + "/subtasks/metrics?agg=sum&get="
                                            + URLEncoder.encode(id, StandardCharsets.UTF_8));
                    return values.size() == 0 ? -1 : (long) values.get(0).get("sum").asDouble();
                }
            }
        }
        return -1;
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static Path shadedJar(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-shaded.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no shaded jar in " + target));
        }
    }
}
