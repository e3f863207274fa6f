package io.fleetflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetflow.simulator.Fleet;
import io.fleetflow.simulator.Vehicle;
import io.fleetflow.testing.TestChannels;
import io.fleetflow.testing.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the system exactly as the README says ({@code ./fleetflow up}, as a child process), sees
 * simulated trips reach {@code COMPLETED}, stops it with a signal, checks nothing is left running,
 * and starts it again to find the earlier trips — first on the embedded defaults, then against the
 * machine's PostgreSQL and RabbitMQ.
 */
class LocalStackITCase {

    private static final int VEHICLES = 4;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void runsOnEmbeddedServicesStopsCleanlyAndKeepsItsData(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = childEnvironment();
        env.keySet().removeIf(k -> k.startsWith("FLEETFLOW_DB_") || k.equals("FLEETFLOW_AMQP_URI"));
        long seed = ThreadLocalRandom.current().nextLong();

        UUID trip = runOnce("embedded-1", env, dataDir, seed, Optional.empty(), "INT");
        runOnce("embedded-2", env, dataDir, seed, Optional.of(trip), "TERM");
    }

    @Test
    void runsAgainstTheMachinesPostgresqlAndRabbitmq(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = childEnvironment();
        env.put("FLEETFLOW_DB_URL", TestServices.dbUrl());
        env.put("FLEETFLOW_DB_USER", TestServices.dbUser());
        env.put("FLEETFLOW_DB_PASSWORD", TestServices.dbPassword());
        env.put("FLEETFLOW_AMQP_URI", TestServices.amqpUri());
        String queue = "telemetry_analysis_it_" + UUID.randomUUID().toString().substring(0, 8);
        env.put("FLEETFLOW_QUEUE", queue);
        long seed = ThreadLocalRandom.current().nextLong();
        try {
            UUID trip = runOnce("external-1", env, dataDir, seed, Optional.empty(), "TERM");
            runOnce("external-2", env, dataDir, seed, Optional.of(trip), "INT");
        } finally {
            deleteQueue(queue);
            deleteTrips(seed);
        }
    }

    /**
     * One run: start, wait until ready, check the earlier trip (if any) is still there, see a new
     * simulated trip completed, stop with {@code signal} and check nothing is left. Returns a trip
     * completed in this run.
     */
    private static UUID runOnce(
            String name,
            Map<String, String> baseEnv,
            Path dataDir,
            long seed,
            Optional<UUID> earlierTrip,
            String signal)
            throws Exception {
        Map<String, String> env = new HashMap<>(baseEnv);
        int httpPort = FreePort.pick();
        int uiPort = FreePort.pick();
        env.put("FLEETFLOW_HTTP_PORT", String.valueOf(httpPort));
        env.put("FLEETFLOW_FLINK_UI_PORT", String.valueOf(uiPort));
        Path log = Path.of("target", "local-stack-" + name + ".log");
        java.sql.Timestamp runStart = java.sql.Timestamp.from(java.time.Instant.now());
        LauncherProcess launcher =
                LauncherProcess.start(
                        env,
                        log,
                        "--data-dir",
                        dataDir.toString(),
                        "--vehicles",
                        String.valueOf(VEHICLES),
                        "--interval-s",
                        "1",
                        "--seed",
                        String.valueOf(seed));
        UUID completed;
        List<Integer> embeddedPorts;
        try {
            launcher.awaitBanner(START_TIMEOUT);
            String baseUrl = "http://127.0.0.1:" + httpPort;
            assertThat(launcher.banner("Ingest API")).isEqualTo(baseUrl + "/api/v1/telemetry");
            assertThat(launcher.banner("Flink Web UI"))
                    .isEqualTo("http://127.0.0.1:" + uiPort + "/");
            boolean external = baseEnv.containsKey("FLEETFLOW_DB_URL");
            assertThat(launcher.banner("Data directory"))
                    .isEqualTo(external ? LocalStack.NO_DATA_DIRECTORY : dataDir.toString());
            Optional<String> token = launcher.bannerIfPresent("Operator token");
            // No secret in a URL: the dashboard's address is plain, the token on its own line.
            assertThat(launcher.banner("Dashboard")).isEqualTo(baseUrl + "/");
            embeddedPorts = launcher.embeddedPorts();
            assertThat(embeddedPorts).hasSize(baseEnv.containsKey("FLEETFLOW_DB_URL") ? 0 : 2);

            await("ready")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> get(baseUrl + "/health/ready", token).statusCode() == 200);
            assertThat(get(baseUrl + "/health/live", token).statusCode()).isEqualTo(200);
            assertThat(get("http://127.0.0.1:" + uiPort + "/overview", Optional.empty()).body())
                    .contains("\"taskmanagers\":1");

            if (earlierTrip.isPresent()) {
                HttpResponse<String> before =
                        get(baseUrl + "/api/v1/trips/" + earlierTrip.get(), token);
                assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
                assertThat(before.body()).contains("\"status\":\"COMPLETED\"");
            }

            String jdbcUrl = launcher.jdbcUrl();
            String dbUser = env.getOrDefault("FLEETFLOW_DB_USER", EmbeddedDatabase.USER);
            String dbPassword = env.getOrDefault("FLEETFLOW_DB_PASSWORD", "");
            completed =
                    await("a simulated trip of this run scored")
                            .atMost(Duration.ofSeconds(90))
                            .pollInterval(Duration.ofSeconds(1))
                            .until(
                                    () ->
                                            completedTripOfFleet(
                                                    jdbcUrl, dbUser, dbPassword, seed, runStart),
                                    Optional::isPresent)
                            .orElseThrow();
            HttpResponse<String> trip = get(baseUrl + "/api/v1/trips/" + completed, token);
            assertThat(trip.statusCode()).as(trip.body()).isEqualTo(200);
            assertThat(trip.body())
                    .contains("\"status\":\"COMPLETED\"")
                    .containsPattern("\"safety_score\":\\d+");

            launcher.stop(signal, Duration.ofSeconds(60));
        } finally {
            launcher.destroyIfAlive();
        }

        await("the launcher's process tree gone")
                .atMost(Duration.ofSeconds(15))
                .until(() -> launcher.processTree().stream().noneMatch(ProcessHandle::isAlive));
        await("no process using the data directory")
                .atMost(Duration.ofSeconds(15))
                .until(() -> LauncherProcess.processesMentioning(dataDir).isEmpty());
        for (int port : concat(List.of(httpPort, uiPort), embeddedPorts)) {
            await("port " + port + " free")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> LauncherProcess.portIsFree(port));
        }
        await("the shutdown log")
                .atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                launcher.output().stream()
                                        .anyMatch(l -> l.endsWith("FleetFlow stopped")));
        // Stopped in order: no part failed to stop, and no client lost the broker under it (the
        // embedded broker used to stop itself at once, from a JVM shutdown hook of its own).
        assertThat(launcher.output())
                .noneMatch(l -> l.contains("Stopping the") && l.contains(" failed: "))
                .noneMatch(l -> l.contains("connection driver error"));
        return completed;
    }

    private static Optional<UUID> completedTripOfFleet(
            String jdbcUrl,
            String user,
            String password,
            long seed,
            java.sql.Timestamp receivedAfter)
            throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT id FROM telemetry.trip_logs WHERE status = 'COMPLETED'"
                                        + " AND vehicle_id = ANY (?) AND received_at > ? LIMIT 1")) {
            ps.setArray(1, c.createArrayOf("uuid", vehicleIds(seed).toArray()));
            ps.setTimestamp(2, receivedAfter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private static List<UUID> vehicleIds(long seed) {
        return Fleet.create(VEHICLES, seed).vehicles().stream().map(Vehicle::vehicleId).toList();
    }

    private static HttpResponse<String> get(String url, Optional<String> token) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The test's own environment minus anything that would change how the launcher runs. */
    private static Map<String, String> childEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("FLEETFLOW_"));
        // Maven built everything this test needs a moment ago; do not rebuild under its feet.
        env.put("FLEETFLOW_NO_BUILD", "1");
        return env;
    }

    private static void deleteQueue(String queue) throws Exception {
        TestChannels.withChannel(ch -> ch.queueDelete(queue));
    }

    private static void deleteTrips(long seed) throws Exception {
        try (java.sql.Connection c =
                        DriverManager.getConnection(
                                TestServices.dbUrl(),
                                TestServices.dbUser(),
                                TestServices.dbPassword());
                PreparedStatement ps =
                        c.prepareStatement(
                                "DELETE FROM telemetry.trip_logs WHERE vehicle_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", vehicleIds(seed).toArray()));
            ps.executeUpdate();
        }
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
