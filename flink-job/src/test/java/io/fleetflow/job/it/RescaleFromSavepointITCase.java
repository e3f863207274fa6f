package io.fleetflow.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scaling out on a real cluster, as a data engineer does it (docs/scaling.md): the job runs at
 * parallelism 1 on a session cluster of two TaskManager processes (one slot each), is stopped with
 * a savepoint, and is submitted again from that savepoint at parallelism 2, so that its lookup,
 * scoring, sinks and keyed driver statistics now run on both TaskManagers. Trips posted before and
 * after are each scored exactly once, and every driver's statistics, restored from the savepoint
 * and redistributed over the new key groups, equal the sum over the driver's trips.
 */
class RescaleFromSavepointITCase {

    private static final int DRIVERS = 6;

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private List<String> args(int parallelism) {
        return List.of(
                "--amqp-uri", TestServices.amqpUri(),
                "--queue", queue.name(),
                "--amqp-connection-name", "fleetflow-rescale-" + queue.name(),
                "--jdbc-url", TestServices.dbUrl(),
                "--jdbc-user", TestServices.dbUser(),
                "--jdbc-password", TestServices.dbPassword(),
                "--parallelism", Integer.toString(parallelism),
                "--checkpoint-interval-ms", "1000");
    }

    @Test
    void theJobRescaledFromASavepointOntoTwoTaskManagersLosesAndRepeatsNothing() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path jar = FlinkClusterScript.shadedJar(module.resolve("target"));
        FlinkClusterScript cluster =
                new FlinkClusterScript(
                        module.getParent(), module.resolve("target/flink-rescale-it"), 2, 1);
        cluster.start();
        try {
            assertThat(cluster.rest("/overview").get("taskmanagers").asInt()).isEqualTo(2);

            String first = cluster.submit(jar, args(1));
            awaitRunning(cluster, first);
            SeededTrips before =
                    SeededTrips.seed(60, DRIVERS, DB.dataSource(), queue.name(), scorer());
            ScoringAssertions.awaitAllCompleted(DB, 60, Duration.ofMinutes(2));
            assertThat(parallelismOf(cluster, first, "Score trip")).isEqualTo(1);

            String savepoint = cluster.stopWithSavepoint(first);
            assertThat(savepoint).contains("savepoint-");
            assertThat(cluster.rest("/jobs/" + first).get("state").asText()).isEqualTo("FINISHED");

            String second = cluster.submit(jar, args(2), savepoint);
            awaitRunning(cluster, second);
            SeededTrips after =
                    SeededTrips.seed(40, DRIVERS, DB.dataSource(), queue.name(), scorer());
            ScoringAssertions.awaitAllCompleted(DB, 100, Duration.ofMinutes(2));

            ScoringAssertions.assertEveryTripScoredExactlyOnce(DB, before.and(after));
            ScoringAssertions.assertDriverStatsEqualSumOverTrips(
                    DB, DRIVERS, Duration.ofSeconds(30));
            assertThat(parallelismOf(cluster, second, "Score trip")).isEqualTo(2);
            assertThat(taskManagersRunning(cluster, second, "Score trip")).hasSize(2);
        } finally {
            cluster.stop();
        }
    }

    private static io.fleetflow.scoring.TripScorer scorer() {
        return Scorers.defaultScorer();
    }

    private static void awaitRunning(FlinkClusterScript cluster, String jobId) {
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> allTasksRunning(cluster.rest("/jobs/" + jobId)));
    }

    private static boolean allTasksRunning(JsonNode job) {
        if (!job.get("state").asText().equals("RUNNING")) {
            return false;
        }
        for (JsonNode vertex : job.get("vertices")) {
            if (!vertex.get("status").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }

    private static int parallelismOf(FlinkClusterScript cluster, String jobId, String name)
            throws Exception {
        return vertex(cluster, jobId, name).get("parallelism").asInt();
    }

    /** The TaskManagers whose slots run the vertex's subtasks. */
    private static Set<String> taskManagersRunning(
            FlinkClusterScript cluster, String jobId, String name) throws Exception {
        String id = vertex(cluster, jobId, name).get("id").asText();
        Set<String> hosts = new HashSet<>();
        JsonNode taskManagers =
                cluster.rest("/jobs/" + jobId + "/vertices/" + id + "/taskmanagers");
        for (JsonNode tm : taskManagers.get("taskmanagers")) {
            hosts.add(tm.get("taskmanager-id").asText());
        }
        return hosts;
    }

    private static JsonNode vertex(FlinkClusterScript cluster, String jobId, String name)
            throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode vertex : cluster.rest("/jobs/" + jobId).get("vertices")) {
            names.add(vertex.get("name").asText());
            if (vertex.get("name").asText().contains(name)) {
                return vertex;
            }
        }
        throw new AssertionError("no vertex named like '" + name + "' in " + names);
    }
}
