package io.fleetflow.job.sink;

import io.fleetflow.job.JobOptions;
import io.fleetflow.job.scoring.ScoredTrip;
import io.fleetflow.job.scoring.TripFailure;
import io.fleetflow.job.stats.DriverStats;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    /**
     * Upserts the score, rewrites the trip's events (upsert by sequence, drop any beyond the new
     * count) and marks the trip COMPLETED — one statement, so all three land together or not at
     * all.
     */
    static final String UPSERT_SCORE_AND_COMPLETE =
            "WITH s AS ("
                    + " INSERT INTO telemetry.driver_scores (trip_id, driver_id, vehicle_id, started_at, safety_score,"
                    + " harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,"
                    + " speeding_seconds, distance_km, duration_s, moving_s, max_speed_kmh, avg_speed_kmh,"
                    + " scoring_version, scored_at)"
                    + " VALUES (?::uuid, ?::uuid, ?::uuid, to_timestamp(? / 1000.0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                    + " ON CONFLICT (trip_id) DO UPDATE SET started_at = EXCLUDED.started_at,"
                    + " safety_score = EXCLUDED.safety_score, harsh_braking_count = EXCLUDED.harsh_braking_count,"
                    + " rapid_accel_count = EXCLUDED.rapid_accel_count,"
                    + " harsh_cornering_count = EXCLUDED.harsh_cornering_count,"
                    + " speeding_count = EXCLUDED.speeding_count, speeding_seconds = EXCLUDED.speeding_seconds,"
                    + " distance_km = EXCLUDED.distance_km, duration_s = EXCLUDED.duration_s,"
                    + " moving_s = EXCLUDED.moving_s, max_speed_kmh = EXCLUDED.max_speed_kmh,"
                    + " avg_speed_kmh = EXCLUDED.avg_speed_kmh, scoring_version = EXCLUDED.scoring_version,"
                    + " scored_at = EXCLUDED.scored_at"
                    + " RETURNING trip_id),"
                    + " ev AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(seq int, event_type text,"
                    + " start_ms bigint, end_ms bigint, peak float8, severity text)),"
                    + " stale AS (DELETE FROM telemetry.trip_events te WHERE te.trip_id IN (SELECT trip_id FROM s)"
                    + " AND te.seq >= (SELECT count(*) FROM ev)),"
                    + " ins AS (INSERT INTO telemetry.trip_events (trip_id, seq, event_type, start_ms, end_ms, peak, severity)"
                    + " SELECT s.trip_id, ev.seq, ev.event_type, ev.start_ms, ev.end_ms, ev.peak, ev.severity FROM s, ev"
                    + " ON CONFLICT (trip_id, seq) DO UPDATE SET event_type = EXCLUDED.event_type,"
                    + " start_ms = EXCLUDED.start_ms, end_ms = EXCLUDED.end_ms, peak = EXCLUDED.peak,"
                    + " severity = EXCLUDED.severity)"
                    + " UPDATE telemetry.trip_logs SET status = 'COMPLETED', failure_reason = NULL,"
                    + " completed_at = now(), updated_at = now()"
                    + " WHERE id IN (SELECT trip_id FROM s)";

    static final String MARK_FAILED =
            "UPDATE telemetry.trip_logs SET status = 'FAILED', failure_reason = ?, updated_at = now(),"
                    + " completed_at = now() WHERE id = ?::uuid AND status <> 'COMPLETED'";

    /**
     * Replaces a driver's statistics. Each emitted value is the driver's complete state, so the
     * last write wins and a replayed write is harmless.
     */
    static final String UPSERT_DRIVER_STATS =
            "INSERT INTO telemetry.driver_stats (driver_id, trips, distance_km, duration_s,"
                    + " harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,"
                    + " harsh_braking_per_100km, rapid_accel_per_100km, harsh_cornering_per_100km,"
                    + " speeding_per_100km, rolling_score, window_days, last_trip_started_at, updated_at)"
                    + " VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, to_timestamp(? / 1000.0), now())"
                    + " ON CONFLICT (driver_id) DO UPDATE SET trips = EXCLUDED.trips,"
                    + " distance_km = EXCLUDED.distance_km, duration_s = EXCLUDED.duration_s,"
                    + " harsh_braking_count = EXCLUDED.harsh_braking_count,"
                    + " rapid_accel_count = EXCLUDED.rapid_accel_count,"
                    + " harsh_cornering_count = EXCLUDED.harsh_cornering_count,"
                    + " speeding_count = EXCLUDED.speeding_count,"
                    + " harsh_braking_per_100km = EXCLUDED.harsh_braking_per_100km,"
                    + " rapid_accel_per_100km = EXCLUDED.rapid_accel_per_100km,"
                    + " harsh_cornering_per_100km = EXCLUDED.harsh_cornering_per_100km,"
                    + " speeding_per_100km = EXCLUDED.speeding_per_100km,"
                    + " rolling_score = EXCLUDED.rolling_score, window_days = EXCLUDED.window_days,"
                    + " last_trip_started_at = EXCLUDED.last_trip_started_at, updated_at = now()";

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
                                        UPSERT_SCORE_AND_COMPLETE, JdbcResultSinks::bindScore)
                                .withExecutionOptions(execution)
                                .buildAtLeastOnce(connection))
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
        stats.sinkTo(
                        JdbcSink.<DriverStats>builder()
                                .withQueryStatement(
                                        UPSERT_DRIVER_STATS, JdbcResultSinks::bindDriverStats)
                                .withExecutionOptions(execution)
                                .buildAtLeastOnce(connection))
                .uid("jdbc-driver-stats")
                .name("PostgreSQL driver_stats");
    }

    static void bindDriverStats(PreparedStatement ps, DriverStats s) throws SQLException {
        ps.setString(1, s.driverId);
        ps.setLong(2, s.trips);
        ps.setDouble(3, s.distanceKm);
        ps.setDouble(4, s.durationS);
        ps.setLong(5, s.harshBrakingCount);
        ps.setLong(6, s.rapidAccelCount);
        ps.setLong(7, s.harshCorneringCount);
        ps.setLong(8, s.speedingCount);
        ps.setDouble(9, s.harshBrakingPer100Km);
        ps.setDouble(10, s.rapidAccelPer100Km);
        ps.setDouble(11, s.harshCorneringPer100Km);
        ps.setDouble(12, s.speedingPer100Km);
        ps.setInt(13, s.rollingScore);
        ps.setInt(14, s.windowDays);
        ps.setLong(15, s.lastTripStartedAtMs);
    }

    static void bindScore(PreparedStatement ps, ScoredTrip s) throws SQLException {
        ps.setString(1, s.tripId);
        ps.setString(2, s.driverId);
        ps.setString(3, s.vehicleId);
        ps.setLong(4, s.startedAtMs);
        ps.setInt(5, s.safetyScore);
        ps.setInt(6, s.harshBrakingCount);
        ps.setInt(7, s.rapidAccelCount);
        ps.setInt(8, s.harshCorneringCount);
        ps.setInt(9, s.speedingCount);
        ps.setDouble(10, s.speedingSeconds);
        ps.setDouble(11, s.distanceKm);
        ps.setDouble(12, s.durationS);
        ps.setDouble(13, s.movingS);
        ps.setDouble(14, s.maxSpeedKmh);
        ps.setDouble(15, s.avgSpeedKmh);
        ps.setString(16, s.scoringVersion);
        ps.setString(17, EventsJson.encode(s.events));
    }

    static void bindFailure(PreparedStatement ps, TripFailure f) throws SQLException {
        ps.setString(1, f.reason);
        ps.setString(2, f.tripId);
    }
}
