package io.fleetflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetflow.gateway.alerts.AlertSettings;
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
import io.fleetflow.scoring.Scorers;
import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The score follows a review (issue 20, docs/safety-inbox.md), through the real gateway and job: a
 * dismissed braking event stays listed but leaves the trip's counts and score and the driver's
 * statistics within seconds; undoing the dismissal brings it back; the same dismissal twice changes
 * nothing the second time.
 */
class ReviewRescoreITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDismissedEventLeavesTheScoreAndTheDriversStatisticsAndComesBackWhenUndone()
            throws Exception {
        JobOptions options =
                JobOptions.builder()
                        .set(SourceOptions.AMQP_URI, TestServices.amqpUri())
                        .set(SourceOptions.QUEUE, queue.name())
                        .set(DatabaseOptions.JDBC_URL, TestServices.dbUrl())
                        .set(DatabaseOptions.JDBC_USER, TestServices.dbUser())
                        .set(DatabaseOptions.JDBC_PASSWORD, TestServices.dbPassword())
                        .set(RuntimeOptions.PARALLELISM, 1)
                        .set(RuntimeOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500))
                        .build();
        TripScoringJob job =
                new TripScoringJob(
                        new RabbitTripIdSource(options),
                        new JdbcResultSinks(options),
                        Scorers.defaultScorer(),
                        options);
        KnownTrips.KnownTrip trip = tripWithBrakes();

        try (Gateway gateway =
                Gateway.start(
                        GatewayConfig.local(
                                TestServices.dbUrl(),
                                TestServices.dbUser(),
                                TestServices.amqpUri(),
                                queue.name()),
                        GatewayEnvironment.readApiSettings(Map.of()),
                        AlertSettings.storeOnly())) {
            JobClient client = job.start(StreamExecutionEnvironment.createLocalEnvironment(1));
            try {
                String base = "http://127.0.0.1:" + gateway.port() + "/api/v1";
                HttpResponse<String> posted = post(base + "/telemetry", trip.json());
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
                UUID tripId =
                        UUID.fromString(
                                posted.body().replaceAll(".*\"trip_id\":\"([^\"]+)\".*", "$1"));
                int brakes = trip.brakingEvents();
                awaitBrakes(tripId, brakes);
                long scoreBefore = score(tripId);
                long seq =
                        DB.count(
                                "SELECT min(seq) FROM telemetry.trip_events WHERE trip_id = ?"
                                        + " AND event_type = 'HARSH_BRAKING'",
                                tripId);
                String review = base + "/trips/" + tripId + "/events/" + seq + "/review";

                String dismiss =
                        "{\"status\":\"dismissed\",\"reason\":\"stopped for a child on the road\"}";
                assertThat(post(review, dismiss).statusCode()).isEqualTo(202);
                awaitBrakes(tripId, brakes - 1);
                assertThat(score(tripId)).isGreaterThan(scoreBefore);
                assertThat(
                                DB.count(
                                        "SELECT count(*) FROM telemetry.trip_events WHERE trip_id = ?"
                                                + " AND event_type = 'HARSH_BRAKING'",
                                        tripId))
                        .as("the dismissed event is still listed")
                        .isEqualTo(brakes);
                awaitDriverBrakes(trip.driverId(), brakes - 1);

                assertThat(post(review, dismiss).body()).contains("\"changed\":false");

                assertThat(post(review, "{\"status\":\"reviewed\"}").statusCode()).isEqualTo(202);
                awaitBrakes(tripId, brakes);
                assertThat(score(tripId)).isEqualTo(scoreBefore);
                awaitDriverBrakes(trip.driverId(), brakes);
            } finally {
                client.cancel().get();
            }
        }
    }

    /** A known trip with at least two hard brakes. */
    private static KnownTrips.KnownTrip tripWithBrakes() {
        Random random = new Random(20);
        for (; ; ) {
            KnownTrips.KnownTrip t =
                    KnownTrips.generate(random, UUID.randomUUID(), UUID.randomUUID());
            if (t.brakingEvents() >= 2) {
                return t;
            }
        }
    }

    private void awaitBrakes(UUID tripId, int count) {
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                DB.count(
                                                "SELECT coalesce(max(harsh_braking_count), -1)"
                                                        + " FROM telemetry.driver_scores WHERE trip_id = ?",
                                                tripId)
                                        == count);
    }

    private void awaitDriverBrakes(UUID driverId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                DB.count(
                                                "SELECT coalesce(max(harsh_braking_count), -1)"
                                                        + " FROM telemetry.driver_stats WHERE driver_id = ?",
                                                driverId)
                                        == count);
    }

    private static long score(UUID tripId) throws Exception {
        return DB.count(
                "SELECT safety_score FROM telemetry.driver_scores WHERE trip_id = ?", tripId);
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
