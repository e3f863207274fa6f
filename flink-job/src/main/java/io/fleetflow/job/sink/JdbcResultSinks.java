package io.fleetflow.job.sink;

import io.fleetflow.job.failure.TripFailure;
import io.fleetflow.job.options.DatabaseOptions;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.SinkOptions;
import io.fleetflow.job.score.ScoredTrip;
import io.fleetflow.job.stats.DriverStats;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes results to PostgreSQL. Scores and driver statistics go through {@link BatchingJdbcSink}:
 * one statement per batch upserts the scores, rewrites their events and marks the trips {@code
 * COMPLETED}, so they never disagree. Batches are flushed at every checkpoint (at-least-once), and
 * the upserts make a replayed batch harmless, which gives exactly-once results. Failures, rare, go
 * through flink-connector-jdbc one statement per trip; a failure never overwrites a completed trip.
 */
public final class JdbcResultSinks implements ResultSinks {
    private static final long serialVersionUID = 1L;

    static final String MARK_FAILED =
            "UPDATE telemetry.trip_logs SET status = 'FAILED', failure_reason = ?, updated_at = now(),"
                    + " completed_at = now() WHERE id = ?::uuid AND status <> 'COMPLETED'";

    private final JdbcConnectionOptions connection;
    private final JdbcExecutionOptions execution;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final int batchSize;
    private final Duration batchInterval;

    public JdbcResultSinks(JobOptions options) {
        this.jdbcUrl = options.get(DatabaseOptions.JDBC_URL);
        this.jdbcUser = options.get(DatabaseOptions.JDBC_USER);
        this.jdbcPassword = options.get(DatabaseOptions.JDBC_PASSWORD);
        this.batchSize = options.get(SinkOptions.BATCH_SIZE);
        this.batchInterval = options.get(SinkOptions.BATCH_INTERVAL);
        this.connection =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(options.get(DatabaseOptions.JDBC_URL))
                        .withDriverName("org.postgresql.Driver")
                        .withUsername(options.get(DatabaseOptions.JDBC_USER))
                        .withPassword(options.get(DatabaseOptions.JDBC_PASSWORD))
                        .withConnectionCheckTimeoutSeconds(10)
                        .build();
        this.execution =
                JdbcExecutionOptions.builder()
                        .withBatchSize(options.get(SinkOptions.BATCH_SIZE))
                        .withBatchIntervalMs(options.get(SinkOptions.BATCH_INTERVAL).toMillis())
                        .withMaxRetries(5)
                        .build();
    }

    @Override
    public void sinkScores(DataStream<ScoredTrip> scores) {
        // Its own task: a batch write blocks the writer's thread, and chained to the scoring it
        // would stall the lookups and scoring too.
        scores.sinkTo(batching(new ScoreBatchStatement()))
                .disableChaining()
                .uid("jdbc-driver-scores")
                .name("PostgreSQL driver_scores + COMPLETED");
    }

    @Override
    public void sinkFailures(DataStream<TripFailure> failures) {
        failures.sinkTo(
                        JdbcSink.<TripFailure>builder()
                                .withQueryStatement(MARK_FAILED, JdbcResultSinks::bindFailure)
                                .withExecutionOptions(execution)
                                .buildAtLeastOnce(connection))
                .uid("jdbc-trip-failures")
                .name("PostgreSQL FAILED trips");
    }

    @Override
    public void sinkDriverStats(DataStream<DriverStats> stats) {
        stats.sinkTo(batching(new DriverStatsBatchStatement()))
                .uid("jdbc-driver-stats")
                .name("PostgreSQL driver_stats");
    }

    private <T> BatchingJdbcSink<T> batching(BatchStatement<T> statement) {
        return new BatchingJdbcSink<>(
                jdbcUrl, jdbcUser, jdbcPassword, batchSize, batchInterval, statement);
    }

    static void bindFailure(PreparedStatement ps, TripFailure f) throws SQLException {
        ps.setString(1, f.reason);
        ps.setString(2, f.tripId);
    }
}
