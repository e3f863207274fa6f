package io.fleetflow.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fleetflow.scoring.TripScore;
import io.fleetflow.testing.TelemetryDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

/**
 * The exactly-once outcome, read from the real tables: every trip COMPLETED once with its expected
 * score and events, and each driver's statistics equal to the sum over that driver's trips.
 */
public final class ScoringAssertions {

    private static final String STATS_VS_SCORES =
            "SELECT count(*) FROM telemetry.driver_stats d"
                    + " FULL JOIN (SELECT driver_id, count(*) AS trips, sum(distance_km) AS km,"
                    + " sum(harsh_braking_count) AS hb, sum(rapid_accel_count) AS ra,"
                    + " sum(harsh_cornering_count) AS hc, sum(speeding_count) AS sp,"
                    + " sum(crash_count) AS cr"
                    + " FROM telemetry.driver_scores GROUP BY driver_id) s USING (driver_id)"
                    + " WHERE d.trips IS DISTINCT FROM s.trips"
                    + " OR abs(d.distance_km - s.km) > 1e-6 * greatest(1, s.km)"
                    + " OR d.distance_km IS NULL OR s.km IS NULL"
                    + " OR d.harsh_braking_count IS DISTINCT FROM s.hb"
                    + " OR d.rapid_accel_count IS DISTINCT FROM s.ra"
                    + " OR d.harsh_cornering_count IS DISTINCT FROM s.hc"
                    + " OR d.speeding_count IS DISTINCT FROM s.sp"
                    + " OR d.crash_count IS DISTINCT FROM s.cr";

    private ScoringAssertions() {}

    public static void awaitAllCompleted(TelemetryDatabase db, int trips, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () ->
                                db.count(
                                                "SELECT count(*) FROM telemetry.trip_logs WHERE status = 'COMPLETED'")
                                        == trips);
    }

    public static void assertEveryTripScoredExactlyOnce(TelemetryDatabase db, SeededTrips seeded)
            throws Exception {
        int trips = seeded.size();
        assertThat(db.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(trips);
        assertThat(db.count("SELECT count(*) FROM telemetry.trip_logs WHERE status <> 'COMPLETED'"))
                .isZero();
        assertThat(db.count("SELECT count(*) FROM telemetry.driver_scores")).isEqualTo(trips);
        String sql =
                "SELECT s.trip_id, s.driver_id, s.safety_score, s.harsh_braking_count,"
                        + " s.rapid_accel_count, s.harsh_cornering_count, s.speeding_count, s.distance_km,"
                        + " (SELECT count(*) FROM telemetry.trip_events e WHERE e.trip_id = s.trip_id)"
                        + " FROM telemetry.driver_scores s";
        int checked = 0;
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                SeededTrips.Expected expected = seeded.byTrip().get(rs.getObject(1, UUID.class));
                assertThat(expected).as("a score for a trip never seeded").isNotNull();
                TripScore score = expected.score();
                assertThat(rs.getObject(2, UUID.class)).isEqualTo(expected.driverId());
                assertThat(rs.getInt(3)).isEqualTo(score.safetyScore());
                assertThat(rs.getInt(4)).isEqualTo(score.harshBrakingCount());
                assertThat(rs.getInt(5)).isEqualTo(score.rapidAccelCount());
                assertThat(rs.getInt(6)).isEqualTo(score.harshCorneringCount());
                assertThat(rs.getInt(7)).isEqualTo(score.speedingCount());
                assertThat(rs.getDouble(8)).isCloseTo(score.metrics().distanceKm(), within(1e-9));
                assertThat(rs.getInt(9)).isEqualTo(score.events().size());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(trips);
    }

    /**
     * Waits for the statistics to settle (their sink may flush a little after the last score) and
     * asserts that every driver's totals equal the sum over the driver's trips.
     */
    public static void assertDriverStatsEqualSumOverTrips(
            TelemetryDatabase db, long drivers, Duration atMost) throws Exception {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> db.count(STATS_VS_SCORES) == 0);
        assertThat(db.count("SELECT count(*) FROM telemetry.driver_stats")).isEqualTo(drivers);
        assertThat(db.count(STATS_VS_SCORES)).isZero();
    }
}
