package io.fleetflow.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetflow.job.failure.TripFailure;
import io.fleetflow.job.options.DatabaseOptions;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.SourceOptions;
import io.fleetflow.job.score.ScoredTrip;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.sink.ResultSinks;
import io.fleetflow.job.stats.DriverStats;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.testing.TcpProxy;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once under failure, each time with {@value #TRIPS} trips in the queue when the job starts
 * and the fault injected mid-stream, at parallelism 2: afterwards every trip is COMPLETED with
 * exactly one score equal to the scorer's verdict, and driver_stats equal the sum over the trips
 * (no double counting in keyed state after the replay).
 */
class ExactlyOnceUnderFailureITCase {

    private static final int TRIPS = 2_000;
    private static final int DRIVERS = 25;

    /** Completed trips after which the fault is injected. */
    private static final int FAULT_AFTER = 300;

    private static final int PREFETCH = 500;

    private static final Duration SETTLE = Duration.ofMinutes(2);

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private final TripScorer scorer = Scorers.defaultScorer();

    @Test
    void theJobFailsMidStreamAndRestoresFromACheckpoint() throws Exception {
        SeededTrips seeded = seed();
        JobOptions options = options(connectionName()).build();
        FailOnce.reset();
        try (JobRig job =
                JobRig.start(options, new FailOnceSinks(new JdbcResultSinks(options)), scorer)) {
            awaitMidStreamAfterACheckpoint(job);
            FailOnce.ARMED.set(true);

            ScoringAssertions.awaitAllCompleted(DB, TRIPS, SETTLE);
            assertThat(FailOnce.FAILED.get()).as("the injected failure fired").isTrue();
            assertThat(job.restarts()).isGreaterThanOrEqualTo(1);
            assertOutcome(seeded);
        }
    }

    @Test
    void theBrokerConnectionDrops() throws Exception {
        SeededTrips seeded = seed();
        String connectionName = connectionName();
        JobOptions options = options(connectionName).build();
        try (JobRig job = JobRig.start(options, new JdbcResultSinks(options), scorer)) {
            awaitMidStreamAfterACheckpoint(job);
            assertThat(RabbitConnections.close(connectionName)).isGreaterThanOrEqualTo(1);

            ScoringAssertions.awaitAllCompleted(DB, TRIPS, SETTLE);
            assertThat(job.restarts()).isGreaterThanOrEqualTo(1);
            assertOutcome(seeded);
        }
    }

    @Test
    void postgresRefusesConnectionsForSeveralSeconds() throws Exception {
        SeededTrips seeded = seed();
        URI db = URI.create(TestServices.dbUrl().substring("jdbc:".length()));
        try (TcpProxy proxy =
                new TcpProxy(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort()).start()) {
            JobOptions options =
                    options(connectionName())
                            .set(
                                    DatabaseOptions.JDBC_URL,
                                    "jdbc:postgresql://127.0.0.1:"
                                            + proxy.port()
                                            + db.getPath()
                                            + (db.getQuery() == null ? "" : "?" + db.getQuery()))
                            .build();
            try (JobRig job = JobRig.start(options, new JdbcResultSinks(options), scorer)) {
                awaitMidStreamAfterACheckpoint(job);
                proxy.stop();
                Thread.sleep(4_000);
                proxy.start();

                ScoringAssertions.awaitAllCompleted(DB, TRIPS, SETTLE);
                assertOutcome(seeded);
            }
        }
    }

    private SeededTrips seed() throws Exception {
        SeededTrips seeded =
                SeededTrips.seed(TRIPS, DRIVERS, DB.dataSource(), queue.name(), scorer);
        assertThat(queue.messageCount()).isEqualTo(TRIPS);
        return seeded;
    }

    private void assertOutcome(SeededTrips seeded) throws Exception {
        ScoringAssertions.assertEveryTripScoredExactlyOnce(DB, seeded);
        ScoringAssertions.assertDriverStatsEqualSumOverTrips(DB, DRIVERS, Duration.ofSeconds(30));
    }

    /**
     * Prefetch below the queue length: messages are acked only by checkpoints, so at most this many
     * trips finish before the first checkpoint, and the fault lands with most trips still queued.
     */
    private JobOptions.Builder options(String connectionName) {
        return JobRig.options(queue.name(), connectionName).set(SourceOptions.PREFETCH, PREFETCH);
    }

    private String connectionName() {
        return "fleetflow-it-" + queue.name();
    }

    private long completed() throws Exception {
        return DB.count("SELECT count(*) FROM telemetry.trip_logs WHERE status = 'COMPLETED'");
    }

    /** Some trips done, at least one checkpoint completed, many trips still to go. */
    private void awaitMidStreamAfterACheckpoint(JobRig job) throws Exception {
        awaitCompleted(FAULT_AFTER);
        await().atMost(SETTLE).until(() -> job.completedCheckpoints() >= 1);
        assertThat(completed()).as("fault injected mid-stream").isLessThan(TRIPS);
    }

    private void awaitCompleted(int atLeast) {
        await().atMost(SETTLE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> completed() >= atLeast);
    }

    /** The real sinks, with a map before the score sink that throws once, mid-stream. */
    static final class FailOnceSinks implements ResultSinks {
        private static final long serialVersionUID = 1L;
        private final ResultSinks real;

        FailOnceSinks(ResultSinks real) {
            this.real = real;
        }

        @Override
        public void sinkScores(DataStream<ScoredTrip> scores) {
            real.sinkScores(
                    scores.map(new FailOnce()).uid("inject-failure").name("Inject failure"));
        }

        @Override
        public void sinkFailures(DataStream<TripFailure> failures) {
            real.sinkFailures(failures);
        }

        @Override
        public void sinkDriverStats(DataStream<DriverStats> stats) {
            real.sinkDriverStats(stats);
        }
    }

    /**
     * Throws on the first trip after the test arms it, once per test. Static on purpose: the flag
     * must survive the restart it causes, and the MiniCluster runs in this JVM.
     */
    static final class FailOnce implements MapFunction<ScoredTrip, ScoredTrip> {
        private static final long serialVersionUID = 1L;
        static final AtomicBoolean ARMED = new AtomicBoolean();
        static final AtomicBoolean FAILED = new AtomicBoolean();

        static void reset() {
            ARMED.set(false);
            FAILED.set(false);
        }

        @Override
        public ScoredTrip map(ScoredTrip trip) {
            if (ARMED.get() && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            return trip;
        }
    }
}
