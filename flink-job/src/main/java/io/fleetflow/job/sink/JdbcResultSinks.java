package io.fleetflow.job.sink;

import io.fleetflow.job.JobOptions;
import io.fleetflow.job.scoring.ScoredTrip;
import io.fleetflow.job.scoring.TripFailure;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes results with flink-connector-jdbc. Each score is upserted and its trip marked {@code
 * COMPLETED} in a single statement, so the two never disagree; batches are flushed at every
 * checkpoint (at-least-once), and the upsert makes a replayed batch harmless, which gives
 * exactly-once results. A failure never overwrites a completed trip.
 */
public final class JdbcResultSinks implements ResultSinks {
    private static final long serialVersionUID = 1L;

    static final String UPSERT_SCORE_AND_COMPLETE =
            "WITH s AS ("
                    + " INSERT INTO telemetry.driver_scores (trip_id, driver_id, vehicle_id, safety_score,"
                    + " harsh_braking_count, rapid_accel_count, scoring_version, scored_at)"
                    + " VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, now())"
                    + " ON CONFLICT (trip_id) DO UPDATE SET safety_score = EXCLUDED.safety_score,"
                    + " harsh_braking_count = EXCLUDED.harsh_braking_count,"
                    + " rapid_accel_count = EXCLUDED.rapid_accel_count,"
                    + " scoring_version = EXCLUDED.scoring_version, scored_at = EXCLUDED.scored_at"
                    + " RETURNING trip_id)"
                    + " UPDATE telemetry.trip_logs SET status = 'COMPLETED', failure_reason = NULL,"
                    + " completed_at = now(), updated_at = now()"
                    + " WHERE id IN (SELECT trip_id FROM s)";

    static final String MARK_FAILED =
            "UPDATE telemetry.trip_logs SET status = 'FAILED', failure_reason = ?, updated_at = now(),"
                    + " completed_at = now() WHERE id = ?::uuid AND status <> 'COMPLETED'";

    private final JdbcConnectionOptions connection;
    private final JdbcExecutionOptions execution;

    public JdbcResultSinks(JobOptions options) {
        this.connection =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(options.jdbcUrl())
                        .withDriverName("org.postgresql.Driver")
                        .withUsername(options.jdbcUser())
                        .withPassword(options.jdbcPassword())
                        .withConnectionCheckTimeoutSeconds(10)
                        .build();
        this.execution =
                JdbcExecutionOptions.builder()
                        .withBatchSize(options.sinkBatchSize())
                        .withBatchIntervalMs(options.sinkBatchInterval().toMillis())
                        .withMaxRetries(5)
                        .build();
    }

    @Override
    public void sinkScores(DataStream<ScoredTrip> scores) {
        scores.sinkTo(
                        JdbcSink.<ScoredTrip>builder()
                                .withQueryStatement(
                                        UPSERT_SCORE_AND_COMPLETE,
                                        (ps, s) -> {
                                            ps.setString(1, s.tripId);
                                            ps.setString(2, s.driverId);
                                            ps.setString(3, s.vehicleId);
                                            ps.setInt(4, s.safetyScore);
                                            ps.setInt(5, s.harshBrakingCount);
                                            ps.setInt(6, s.rapidAccelCount);
                                            ps.setString(7, s.scoringVersion);
                                        })
                                .withExecutionOptions(execution)
                                .buildAtLeastOnce(connection))
                .uid("jdbc-driver-scores")
                .name("PostgreSQL driver_scores + COMPLETED");
    }

    @Override
    public void sinkFailures(DataStream<TripFailure> failures) {
        failures.sinkTo(
                        JdbcSink.<TripFailure>builder()
                                .withQueryStatement(
                                        MARK_FAILED,
                                        (ps, f) -> {
                                            ps.setString(1, f.reason);
                                            ps.setString(2, f.tripId);
                                        })
                                .withExecutionOptions(execution)
                                .buildAtLeastOnce(connection))
                .uid("jdbc-trip-failures")
                .name("PostgreSQL FAILED trips");
    }
}
