package io.fleetflow.job.sink;

import io.fleetflow.job.stats.DriverStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Replaces the statistics of a batch of drivers in one statement. Each value is the driver's
 * complete state, so the batch keeps only a driver's latest one, the last write wins and a replayed
 * write is harmless.
 */
final class DriverStatsBatchStatement implements BatchStatement<DriverStats> {
    private static final long serialVersionUID = 1L;

    static final String SQL =
            "INSERT INTO telemetry.driver_stats (driver_id, trips, distance_km, duration_s,"
                    + " harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,"
                    + " harsh_braking_per_100km, rapid_accel_per_100km, harsh_cornering_per_100km,"
                    + " speeding_per_100km, rolling_score, window_days, last_trip_started_at, crash_count,"
                    + " updated_at)"
                    + " SELECT driver_id, trips, distance_km, duration_s, harsh_braking_count,"
                    + " rapid_accel_count, harsh_cornering_count, speeding_count, harsh_braking_per_100km,"
                    + " rapid_accel_per_100km, harsh_cornering_per_100km, speeding_per_100km,"
                    + " rolling_score, window_days, to_timestamp(last_ms / 1000.0), crash_count, now()"
                    + " FROM unnest(?::uuid[], ?::bigint[], ?::float8[], ?::float8[], ?::bigint[],"
                    + " ?::bigint[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[],"
                    + " ?::float8[], ?::int[], ?::int[], ?::bigint[], ?::bigint[])"
                    + " AS r(driver_id, trips, distance_km, duration_s, harsh_braking_count,"
                    + " rapid_accel_count, harsh_cornering_count, speeding_count, harsh_braking_per_100km,"
                    + " rapid_accel_per_100km, harsh_cornering_per_100km, speeding_per_100km,"
                    + " rolling_score, window_days, last_ms, crash_count)"
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
                    + " crash_count = EXCLUDED.crash_count,"
                    + " rolling_score = EXCLUDED.rolling_score, window_days = EXCLUDED.window_days,"
                    + " last_trip_started_at = EXCLUDED.last_trip_started_at, updated_at = now()";

    @Override
    public String key(DriverStats stats) {
        return stats.driverId;
    }

    @Override
    public void execute(Connection c, Collection<DriverStats> batch) throws SQLException {
        int n = batch.size();
        String[] driverId = new String[n];
        long[] trips = new long[n];
        double[] distance = new double[n];
        double[] duration = new double[n];
        long[] braking = new long[n];
        long[] accel = new long[n];
        long[] cornering = new long[n];
        long[] speeding = new long[n];
        double[] brakingRate = new double[n];
        double[] accelRate = new double[n];
        double[] corneringRate = new double[n];
        double[] speedingRate = new double[n];
        int[] rollingScore = new int[n];
        int[] windowDays = new int[n];
        long[] lastTripMs = new long[n];
        long[] crashes = new long[n];
        int i = 0;
        for (DriverStats s : batch) {
            driverId[i] = s.driverId;
            trips[i] = s.trips;
            distance[i] = s.distanceKm;
            duration[i] = s.durationS;
            braking[i] = s.harshBrakingCount;
            accel[i] = s.rapidAccelCount;
            cornering[i] = s.harshCorneringCount;
            speeding[i] = s.speedingCount;
            brakingRate[i] = s.harshBrakingPer100Km;
            accelRate[i] = s.rapidAccelPer100Km;
            corneringRate[i] = s.harshCorneringPer100Km;
            speedingRate[i] = s.speedingPer100Km;
            rollingScore[i] = s.rollingScore;
            windowDays[i] = s.windowDays;
            lastTripMs[i] = s.lastTripStartedAtMs;
            crashes[i] = s.crashCount;
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setArray(1, SqlArrays.of(c, "text", driverId));
            ps.setArray(2, SqlArrays.of(c, "int8", trips));
            ps.setArray(3, SqlArrays.of(c, "float8", distance));
            ps.setArray(4, SqlArrays.of(c, "float8", duration));
            ps.setArray(5, SqlArrays.of(c, "int8", braking));
            ps.setArray(6, SqlArrays.of(c, "int8", accel));
            ps.setArray(7, SqlArrays.of(c, "int8", cornering));
            ps.setArray(8, SqlArrays.of(c, "int8", speeding));
            ps.setArray(9, SqlArrays.of(c, "float8", brakingRate));
            ps.setArray(10, SqlArrays.of(c, "float8", accelRate));
            ps.setArray(11, SqlArrays.of(c, "float8", corneringRate));
            ps.setArray(12, SqlArrays.of(c, "float8", speedingRate));
            ps.setArray(13, SqlArrays.of(c, "int4", rollingScore));
            ps.setArray(14, SqlArrays.of(c, "int4", windowDays));
            ps.setArray(15, SqlArrays.of(c, "int8", lastTripMs));
            ps.setArray(16, SqlArrays.of(c, "int8", crashes));
            ps.executeUpdate();
        }
    }
}
