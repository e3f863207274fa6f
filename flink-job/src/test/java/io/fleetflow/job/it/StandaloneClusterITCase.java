package io.fleetflow.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    @Test
    void theShadedJarSubmittedOverRestScoresTripsAndReportsItsMetrics() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path jar = FlinkClusterScript.shadedJar(module.resolve("target"));
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

            assertThat(cluster.rest("/jobs/" + jobId).get("state").asText()).isEqualTo("RUNNING");
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
        String base = "/jobs/" + jobId;
        for (JsonNode vertex : cluster.rest(base).get("vertices")) {
            if (!vertex.get("name").asText().contains(vertexNamePart)) {
                continue;
            }
            String vertexUrl = base + "/vertices/" + vertex.get("id").asText();
            for (JsonNode available : cluster.rest(vertexUrl + "/subtasks/metrics")) {
                String id = available.get("id").asText();
                if (id.endsWith("." + metric)) {
                    JsonNode values =
                            cluster.rest(
                                    vertexUrl
                                            + "/subtasks/metrics?agg=sum&get="
                                            + URLEncoder.encode(id, StandardCharsets.UTF_8));
                    return values.size() == 0 ? -1 : (long) values.get(0).get("sum").asDouble();
                }
            }
        }
        return -1;
    }
}
