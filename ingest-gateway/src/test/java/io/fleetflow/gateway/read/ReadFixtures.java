package io.fleetflow.gateway.read;

import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/** Seeds read-side rows with plain SQL, as the gateway and the job would have written them. */
final class ReadFixtures {

    private final DataSource dataSource;

    ReadFixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A received trip of {@code samples} calm samples at 10 Hz. */
    UUID trip(UUID driver, UUID vehicle, Instant startedAt, Instant receivedAt, int samples)
            throws SQLException {
        double[] speed = new double[samples];
        double[] zeros = new double[samples];
        java.util.Arrays.fill(speed, 50);
        return trip(
                driver,
                vehicle,
                startedAt,
                receivedAt,
                new TripSamples(null, 10.0, speed, zeros, zeros.clone()));
    }

    UUID trip(UUID driver, UUID vehicle, Instant startedAt, Instant receivedAt, TripSamples samples)
            throws SQLException {
        UUID id = UUID.randomUUID();
        exec(
                "WITH t AS (INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at,"
                        + " sample_count, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING id, received_at) INSERT INTO telemetry.trip_samples"
                        + " (trip_id, received_at, telemetry_bin) SELECT id, received_at, ? FROM t",
                id,
                vehicle,
                driver,
                at(startedAt),
                samples.size(),
                at(receivedAt),
                at(receivedAt),
                TripBlobCodec.encode(samples));
        return id;
    }

    void published(UUID trip, Instant at) throws SQLException {
        exec("UPDATE telemetry.trip_logs SET published_at = ? WHERE id = ?", at(at), trip);
    }

    /** Fails a trip, as the job's failure sink does. */
    void failed(UUID trip, String reason, Instant at) throws SQLException {
        exec(
                "UPDATE telemetry.trip_logs SET status = 'FAILED', failure_reason = ?, updated_at = ?,"
                        + " completed_at = ? WHERE id = ?",
                reason,
                at(at),
                at(at),
                trip);
    }

    void processing(UUID trip) throws SQLException {
        exec("UPDATE telemetry.trip_logs SET status = 'PROCESSING' WHERE id = ?", trip);
    }

    /** Scores a trip and completes it, as the job's sink does. */
    void score(
            UUID trip,
            int score,
            double km,
            int braking,
            int accel,
            int cornering,
            int speeding,
            Instant completedAt)
            throws SQLException {
        exec(
                "INSERT INTO telemetry.driver_scores (trip_id, driver_id, vehicle_id, safety_score,"
                        + " harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,"
                        + " speeding_seconds, distance_km, duration_s, moving_s, max_speed_kmh, avg_speed_kmh,"
                        + " scoring_version, started_at, scored_at)"
                        + " SELECT id, driver_id, vehicle_id, ?, ?, ?, ?, ?, 4.5, ?, 600, 580, 97.5, 48.2,"
                        + " 'test-1', started_at, ? FROM telemetry.trip_logs WHERE id = ?",
                score,
                braking,
                accel,
                cornering,
                speeding,
                km,
                at(completedAt),
                trip);
        exec(
                "UPDATE telemetry.trip_logs SET status = 'COMPLETED', completed_at = ?, updated_at = ?"
                        + " WHERE id = ?",
                at(completedAt),
                at(completedAt),
                trip);
    }

    void event(
            UUID trip, int seq, String type, long startMs, long endMs, double peak, String severity)
            throws SQLException {
        exec(
                "INSERT INTO telemetry.trip_events (trip_id, seq, event_type, start_ms, end_ms, peak, severity)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                trip,
                seq,
                type,
                startMs,
                endMs,
                peak,
                severity);
    }

    /** A CRASH event with its impact, as the job's sink writes it. */
    void crash(
            UUID trip,
            int seq,
            long atMs,
            double peakG,
            String severity,
            double deltaVKmh,
            Double speedBeforeKmh,
            Double speedAfterKmh)
            throws SQLException {
        exec(
                "INSERT INTO telemetry.trip_events (trip_id, seq, event_type, start_ms, end_ms, peak,"
                        + " severity, delta_v_kmh, speed_before_kmh, speed_after_kmh)"
                        + " VALUES (?, ?, 'CRASH', ?, ?, ?, ?, ?, ?, ?)",
                trip,
                seq,
                atMs,
                atMs + 120,
                peakG,
                severity,
                deltaVKmh,
                speedBeforeKmh,
                speedAfterKmh);
    }

    /** What a scorer of issue 19 stores with a score: crashes and the sensing. */
    void sensing(UUID trip, int crashes, Double mountYawDeg, boolean crashDetection)
            throws SQLException {
        exec(
                "UPDATE telemetry.driver_scores SET crash_count = ?, mount_yaw_deg = ?,"
                        + " crash_detection = ? WHERE trip_id = ?",
                crashes,
                mountYawDeg,
                crashDetection,
                trip);
    }

    void rollingScore(UUID driver, int score) throws SQLException {
        exec(
                "INSERT INTO telemetry.driver_stats (driver_id, trips, distance_km, duration_s,"
                        + " harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,"
                        + " harsh_braking_per_100km, rapid_accel_per_100km, harsh_cornering_per_100km,"
                        + " speeding_per_100km, rolling_score, window_days)"
                        + " VALUES (?, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, ?, 30)",
                driver,
                score);
    }

    /** A registered vehicle, as the registry API stores it. */
    void registerVehicle(UUID vehicle, String name, String vehicleClass) throws SQLException {
        exec(
                "INSERT INTO telemetry.vehicles (vehicle_id, name, vehicle_class, updated_by)"
                        + " VALUES (?, ?, ?, 'fixture')",
                vehicle,
                name,
                vehicleClass);
    }

    /** A registered driver, as the registry API stores it. */
    void registerDriver(UUID driver, String name, String externalRef) throws SQLException {
        exec(
                "INSERT INTO telemetry.drivers (driver_id, name, external_ref, updated_by)"
                        + " VALUES (?, ?, ?, 'fixture')",
                driver,
                name,
                externalRef);
    }

    /** driver_stats is not emptied with trip_logs (no foreign key), so tests clear it. */
    void clearDriverStats() throws SQLException {
        exec("DELETE FROM telemetry.driver_stats");
    }

    void exec(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
