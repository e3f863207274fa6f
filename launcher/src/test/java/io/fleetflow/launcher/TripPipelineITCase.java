package io.fleetflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.GatewayConfig;
import io.fleetflow.job.TripScoringJob;
import io.fleetflow.job.options.DatabaseOptions;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.RuntimeOptions;
import io.fleetflow.job.options.SourceOptions;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.scoring.TripScore;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.KnownTrips.KnownTrip;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import io.fleetflow.testing.TripSeeder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One trip's whole path on real services: HTTP gateway → PostgreSQL + RabbitMQ → the scoring job
 * with the production scorer on a Flink MiniCluster at parallelism 2 → driver_scores and
 * trip_events. Each stored result must be the planted truth of its trip ({@link KnownTrips}; {@code
 * KnownTripsScoringTest} shows the model alone finds exactly that) and equal to the scorer run
 * directly on the same body.
 */
class TripPipelineITCase {

    private static final int TRIPS = 200;
    private static final int CLIENTS = 16;

    /** The job's own scorer, as TripScoringJob.main wires it. */
    private static final TripScorer SCORER = Scorers.defaultScorer();

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    @Test
    void everyPostedTripEndsCompletedWithExactlyOneScoreMatchingItsKnownTruth() throws Exception {
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
        conf.set(PipelineOptions.GENERIC_TYPES, false); // fail on any silent Kryo fallback
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        TripScoringJob job =
                new TripScoringJob(
                        new RabbitTripIdSource(options),
                        new JdbcResultSinks(options),
                        SCORER,
                        options);

        try (Gateway gateway =
                Gateway.start(
                        GatewayConfig.local(
                                TestServices.dbUrl(),
                                TestServices.dbUser(),
                                TestServices.amqpUri(),
                                queue.name()))) {
            JobClient client = job.start(env);
            try {
                Map<UUID, KnownTrip> posted = postConcurrently(gateway.port());
                assertThat(posted).hasSize(TRIPS);

                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500))
                        .until(
                                () ->
                                        DB.count(
                                                        "SELECT count(*) FROM telemetry.trip_logs WHERE status = 'COMPLETED'")
                                                == TRIPS);

                assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(TRIPS);
                assertThat(DB.count("SELECT count(*) FROM telemetry.driver_scores"))
                        .isEqualTo(TRIPS);
                assertScoresMatchTruth(posted);
            } finally {
                client.cancel().get();
            }
        }
    }

    private static Map<UUID, KnownTrip> postConcurrently(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(42);
        List<UUID> drivers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            drivers.add(UUID.randomUUID());
        }
        List<KnownTrip> trips = new ArrayList<>();
        for (int i = 0; i < TRIPS; i++) {
            trips.add(
                    KnownTrips.generate(
                            random, UUID.randomUUID(), drivers.get(i % drivers.size())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Map.Entry<UUID, KnownTrip>>> futures = new ArrayList<>();
            for (KnownTrip trip : trips) {
                futures.add(
                        pool.submit(
                                () -> {
                                    HttpResponse<String> r =
                                            http.send(
                                                    HttpRequest.newBuilder(
                                                                    URI.create(
                                                                            "http://127.0.0.1:"
                                                                                    + port
                                                                                    + "/api/v1/telemetry"))
                                                            .header(
                                                                    "Content-Type",
                                                                    "application/json")
                                                            .POST(
                                                                    HttpRequest.BodyPublishers
                                                                            .ofString(trip.json()))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.ofString());
                                    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                                    return Map.entry(
                                            UUID.fromString(
                                                    json.readTree(r.body())
                                                            .get("trip_id")
                                                            .asText()),
                                            trip);
                                }));
            }
            Map<UUID, KnownTrip> posted = new HashMap<>();
            for (Future<Map.Entry<UUID, KnownTrip>> f : futures) {
                Map.Entry<UUID, KnownTrip> e = f.get();
                posted.put(e.getKey(), e.getValue());
            }
            return posted;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertScoresMatchTruth(Map<UUID, KnownTrip> posted) throws Exception {
        String sql =
                "SELECT s.trip_id, s.driver_id, s.vehicle_id, s.harsh_braking_count, s.rapid_accel_count,"
                        + " s.safety_score, s.distance_km, s.scoring_version, s.started_at = t.started_at AS same_start,"
                        + " (SELECT count(*) FROM telemetry.trip_events e WHERE e.trip_id = s.trip_id) AS events"
                        + " FROM telemetry.driver_scores s JOIN telemetry.trip_logs t ON t.id = s.trip_id";
        int checked = 0;
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                KnownTrip truth = posted.get(rs.getObject("trip_id", UUID.class));
                assertThat(truth).as("score for a trip that was never posted").isNotNull();
                assertThat(rs.getObject("driver_id", UUID.class)).isEqualTo(truth.driverId());
                assertThat(rs.getObject("vehicle_id", UUID.class)).isEqualTo(truth.vehicleId());
                TripScore direct = SCORER.score(TripSeeder.parse(truth.json()).samples());
                assertThat(rs.getInt("harsh_braking_count")).isEqualTo(truth.brakingEvents());
                assertThat(rs.getInt("rapid_accel_count")).isEqualTo(truth.accelEvents());
                assertThat(rs.getInt("safety_score")).isEqualTo(direct.safetyScore());
                assertThat(rs.getInt("events")).isEqualTo(direct.events().size());
                assertThat(rs.getString("scoring_version")).isEqualTo(SCORER.version());
                assertThat(rs.getBoolean("same_start")).isTrue();
                assertThat(rs.getDouble("distance_km")).isPositive();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(TRIPS);
    }
}
