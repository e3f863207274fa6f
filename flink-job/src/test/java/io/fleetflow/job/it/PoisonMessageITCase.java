package io.fleetflow.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.source.TripIdDeserializer;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages that name no trip, and a trip id with no row, end as counted failures: they are acked
 * away, never restart the job, and the good trips around them are scored.
 */
class PoisonMessageITCase {

    private static final int GOOD_TRIPS = 40;

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    @Test
    void poisonAndUnknownIdsAreCountedAndAckedAwayWhileTheJobKeepsScoring() throws Exception {
        TripScorer scorer = Scorers.defaultScorer();
        publishRaw("this is not a trip id", "poison-1");
        publishRaw("", "poison-2");
        publishRaw("{\"trip_id\": 42}", null); // no correlation id at all
        String unknown = UUID.randomUUID().toString();
        publishRaw(unknown, unknown);

        var options = JobRig.options(queue.name(), "fleetflow-it-" + queue.name()).build();
        try (JobRig job = JobRig.start(options, new JdbcResultSinks(options), scorer)) {
            SeededTrips seeded =
                    SeededTrips.seed(GOOD_TRIPS, 4, DB.dataSource(), queue.name(), scorer);
            publishRaw("late poison", "poison-3");

            ScoringAssertions.awaitAllCompleted(DB, GOOD_TRIPS, Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    job.counter(TripIdDeserializer.POISON_MESSAGES) == 4
                                            && job.counter("unknownTrip") == 1);
            ScoringAssertions.assertEveryTripScoredExactlyOnce(DB, seeded);
            assertThat(job.counter("tripsScored")).isEqualTo(GOOD_TRIPS);
            assertThat(job.restarts()).isZero();
            assertThat(job.status()).isEqualTo("RUNNING");

            // Acknowledged, not merely delivered: after a checkpoint that follows them, cancel the
            // job; RabbitMQ would requeue anything still unacknowledged when its channel closes.
            long checkpoints = job.completedCheckpoints();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> job.completedCheckpoints() >= checkpoints + 2);
            job.close();
            Thread.sleep(1_000);
            assertThat(queue.messageCount()).isZero();
        }
    }

    private void publishRaw(String body, String correlationId) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(TestServices.amqpUri());
        try (Connection c = f.newConnection("fleetflow-it-publisher");
                Channel ch = c.createChannel()) {
            ch.confirmSelect();
            ch.basicPublish(
                    "",
                    queue.name(),
                    new AMQP.BasicProperties.Builder()
                            .deliveryMode(2)
                            .correlationId(correlationId)
                            .build(),
                    body.getBytes(StandardCharsets.UTF_8));
            ch.waitForConfirmsOrDie(5_000);
        }
    }
}
