package io.fleetflow.job.sink;

import io.fleetflow.job.score.ScoredTrip;
import io.fleetflow.model.AlertRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Upserts a batch of scores, rewrites those trips' events (upsert by sequence, drop any beyond the
 * new count), raises an alert for each crash and severe event (an alert a re-score no longer finds
 * is marked superseded, never deleted; docs/alerts.md) and marks the trips COMPLETED — one
 * statement, so score, events, alerts and status land together or not at all, and a replayed batch
 * changes nothing but the timestamps. It first locks the trips' rows with {@code NOWAIT} (see
 * {@link BatchStatement#isContention}).
 */
final class ScoreBatchStatement implements BatchStatement<ScoredTrip> {
    private static final long serialVersionUID = 1L;

    private static final String ALERT_ID =
            AlertRule.sqlAlertId("ev.trip_id", "ev.seq", "ev.event_type");
    private static final String RAISES = AlertRule.sqlCondition("ev.event_type", "ev.severity");

    static final String SQL =
            "WITH r AS (SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::int[],"
                    + " ?::int[], ?::int[], ?::int[], ?::int[], ?::float8[], ?::float8[], ?::float8[],"
                    + " ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::jsonb[], ?::int[],"
                    + " ?::float8[], ?::bool[])"
                    + " AS r(trip_id, driver_id, vehicle_id, started_ms, safety_score, harsh_braking_count,"
                    + " rapid_accel_count, harsh_cornering_count, speeding_count, speeding_seconds,"
                    + " distance_km, duration_s, moving_s, max_speed_kmh, avg_speed_kmh, scoring_version,"
                    + " events, crash_count, mount_yaw_deg, crash_detection)),"
                    + " s AS ("
                    + " INSERT INTO telemetry.driver_scores (trip_id, driver_id, vehicle_id, started_at, safety_score,"
                    + " harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,"
                    + " speeding_seconds, distance_km, duration_s, moving_s, max_speed_kmh, avg_speed_kmh,"
                    + " scoring_version, crash_count, mount_yaw_deg, crash_detection, scored_at)"
                    + " SELECT trip_id, driver_id, vehicle_id, to_timestamp(started_ms / 1000.0), safety_score,"
                    + " harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,"
                    + " speeding_seconds, distance_km, duration_s, moving_s, max_speed_kmh, avg_speed_kmh,"
                    + " scoring_version, crash_count, mount_yaw_deg, crash_detection, now() FROM r"
                    + " ON CONFLICT (trip_id) DO UPDATE SET started_at = EXCLUDED.started_at,"
                    + " safety_score = EXCLUDED.safety_score, harsh_braking_count = EXCLUDED.harsh_braking_count,"
                    + " rapid_accel_count = EXCLUDED.rapid_accel_count,"
                    + " harsh_cornering_count = EXCLUDED.harsh_cornering_count,"
                    + " speeding_count = EXCLUDED.speeding_count, speeding_seconds = EXCLUDED.speeding_seconds,"
                    + " distance_km = EXCLUDED.distance_km, duration_s = EXCLUDED.duration_s,"
                    + " moving_s = EXCLUDED.moving_s, max_speed_kmh = EXCLUDED.max_speed_kmh,"
                    + " avg_speed_kmh = EXCLUDED.avg_speed_kmh, scoring_version = EXCLUDED.scoring_version,"
                    + " crash_count = EXCLUDED.crash_count, mount_yaw_deg = EXCLUDED.mount_yaw_deg,"
                    + " crash_detection = EXCLUDED.crash_detection, scored_at = EXCLUDED.scored_at"
                    + " RETURNING trip_id),"
                    + " ev AS (SELECT r.trip_id, x.* FROM r, jsonb_to_recordset(r.events) AS x(seq int,"
                    + " event_type text, start_ms bigint, end_ms bigint, peak float8, severity text,"
                    + " delta_v_kmh float8, speed_before_kmh float8, speed_after_kmh float8)"
                    + " WHERE r.trip_id IN (SELECT trip_id FROM s)),"
                    + " stale AS (DELETE FROM telemetry.trip_events te USING r"
                    + " WHERE te.trip_id = r.trip_id AND r.trip_id IN (SELECT trip_id FROM s)"
                    + " AND te.seq >= jsonb_array_length(r.events)),"
                    + " ins AS (INSERT INTO telemetry.trip_events (trip_id, seq, event_type, start_ms, end_ms, peak, severity,"
                    + " delta_v_kmh, speed_before_kmh, speed_after_kmh)"
                    + " SELECT trip_id, seq, event_type, start_ms, end_ms, peak, severity,"
                    + " delta_v_kmh, speed_before_kmh, speed_after_kmh FROM ev"
                    + " ON CONFLICT (trip_id, seq) DO UPDATE SET event_type = EXCLUDED.event_type,"
                    + " start_ms = EXCLUDED.start_ms, end_ms = EXCLUDED.end_ms, peak = EXCLUDED.peak,"
                    + " severity = EXCLUDED.severity, delta_v_kmh = EXCLUDED.delta_v_kmh,"
                    + " speed_before_kmh = EXCLUDED.speed_before_kmh,"
                    + " speed_after_kmh = EXCLUDED.speed_after_kmh),"
                    // Alerts (an outbox, docs/alerts.md): one per alerting event, by a stable id.
                    + " al AS (INSERT INTO "
                    + AlertRule.TABLE
                    + " (id, trip_id, seq, event_type,"
                    + " severity, driver_id, vehicle_id, event_start_ms, peak, delta_v_kmh)"
                    + " SELECT "
                    + ALERT_ID
                    + ", ev.trip_id, ev.seq, ev.event_type, ev.severity,"
                    + " r.driver_id, r.vehicle_id, ev.start_ms, ev.peak, ev.delta_v_kmh"
                    + " FROM ev JOIN r ON r.trip_id = ev.trip_id WHERE "
                    + RAISES
                    + " ON CONFLICT (id) DO UPDATE SET superseded_at = NULL"
                    + " WHERE alerts.superseded_at IS NOT NULL),"
                    + " sup AS (UPDATE "
                    + AlertRule.TABLE
                    + " a SET superseded_at = now()"
                    + " WHERE a.trip_id IN (SELECT trip_id FROM s) AND a.superseded_at IS NULL"
                    + " AND a.id NOT IN (SELECT "
                    + ALERT_ID
                    + " FROM ev WHERE "
                    + RAISES
                    + "))"
                    + " UPDATE telemetry.trip_logs SET status = 'COMPLETED', failure_reason = NULL,"
                    + " completed_at = now(), updated_at = now()"
                    + " WHERE id IN (SELECT trip_id FROM s)";

    static final String LOCK_TRIPS =
            "SELECT id FROM telemetry.trip_logs WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE NOWAIT";

    @Override
    public String key(ScoredTrip trip) {
        return trip.tripId;
    }

    @Override
    public void execute(Connection c, Collection<ScoredTrip> batch) throws SQLException {
        int n = batch.size();
        String[] tripId = new String[n];
        String[] driverId = new String[n];
        String[] vehicleId = new String[n];
        long[] startedMs = new long[n];
        int[] safety = new int[n];
        int[] braking = new int[n];
        int[] accel = new int[n];
        int[] cornering = new int[n];
        int[] speeding = new int[n];
        double[] speedingS = new double[n];
        double[] distance = new double[n];
        double[] duration = new double[n];
        double[] moving = new double[n];
        double[] maxSpeed = new double[n];
        double[] avgSpeed = new double[n];
        String[] version = new String[n];
        String[] events = new String[n];
        int[] crashes = new int[n];
        Double[] mountYaw = new Double[n];
        Boolean[] crashDetection = new Boolean[n];
        int i = 0;
        for (ScoredTrip s : batch) {
            tripId[i] = s.tripId;
            driverId[i] = s.driverId;
            vehicleId[i] = s.vehicleId;
            startedMs[i] = s.startedAtMs;
            safety[i] = s.safetyScore;
            braking[i] = s.harshBrakingCount;
            accel[i] = s.rapidAccelCount;
            cornering[i] = s.harshCorneringCount;
            speeding[i] = s.speedingCount;
            speedingS[i] = s.speedingSeconds;
            distance[i] = s.distanceKm;
            duration[i] = s.durationS;
            moving[i] = s.movingS;
            maxSpeed[i] = s.maxSpeedKmh;
            avgSpeed[i] = s.avgSpeedKmh;
            version[i] = s.scoringVersion;
            events[i] = EventsJson.encode(s.events);
            crashes[i] = s.crashCount;
            mountYaw[i] = s.mountYawDeg;
            crashDetection[i] = s.crashDetection;
            i++;
        }
        // Others (the gateway marking trips published) update trip_logs rows in batches too, in an
        // order of their own: take our rows' locks in id order, without waiting, so this
        // transaction never waits while holding locks and cannot deadlock; the writer retries.
        try (PreparedStatement lock = c.prepareStatement(LOCK_TRIPS)) {
            lock.setArray(1, SqlArrays.of(c, "text", tripId));
            lock.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setArray(1, SqlArrays.of(c, "text", tripId));
            ps.setArray(2, SqlArrays.of(c, "text", driverId));
            ps.setArray(3, SqlArrays.of(c, "text", vehicleId));
            ps.setArray(4, SqlArrays.of(c, "int8", startedMs));
            ps.setArray(5, SqlArrays.of(c, "int4", safety));
            ps.setArray(6, SqlArrays.of(c, "int4", braking));
            ps.setArray(7, SqlArrays.of(c, "int4", accel));
            ps.setArray(8, SqlArrays.of(c, "int4", cornering));
            ps.setArray(9, SqlArrays.of(c, "int4", speeding));
            ps.setArray(10, SqlArrays.of(c, "float8", speedingS));
            ps.setArray(11, SqlArrays.of(c, "float8", distance));
            ps.setArray(12, SqlArrays.of(c, "float8", duration));
            ps.setArray(13, SqlArrays.of(c, "float8", moving));
            ps.setArray(14, SqlArrays.of(c, "float8", maxSpeed));
            ps.setArray(15, SqlArrays.of(c, "float8", avgSpeed));
            ps.setArray(16, SqlArrays.of(c, "text", version));
            ps.setArray(17, SqlArrays.of(c, "text", events));
            ps.setArray(18, SqlArrays.of(c, "int4", crashes));
            ps.setArray(19, SqlArrays.of(c, "float8", mountYaw));
            ps.setArray(20, SqlArrays.of(c, "bool", crashDetection));
            ps.executeUpdate();
        }
    }
}
