package io.fleetflow.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.job.score.ScoredTrip;
import io.fleetflow.job.score.TripEventRecord;
import io.fleetflow.model.AlertRule;
import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestServices;
import io.fleetflow.testing.TripSeeder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The score statement raises alerts in the same statement as the events (docs/alerts.md): one per
 * crash and per severe event, by a stable id, however often the trip is written.
 */
class AlertOutboxITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();

    private static final long TRIP_START_MS = 1_777_622_400_000L;

    @Test
    void aCrashAndASevereEventRaiseOneAlertEachAndNothingElseDoes() throws Exception {
        UUID trip = storeTrip();
        ScoredTrip s =
                scored(
                        trip,
                        event("HARSH_BRAKING", 1_000, "MODERATE"),
                        event("HARSH_BRAKING", 4_000, "SEVERE"),
                        event("SPEEDING", 6_000, "HARSH"),
                        crash(20_000, "HARSH", 12.0));

        write(List.of(s));

        assertThat(alerts(trip))
                .containsExactly(
                        AlertRule.alertId(trip, 1, "HARSH_BRAKING")
                                + " 1 HARSH_BRAKING SEVERE open",
                        AlertRule.alertId(trip, 3, "CRASH") + " 3 CRASH HARSH open");
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.alerts WHERE trip_id = ? AND seq = 3"
                                        + " AND delta_v_kmh = 12.0 AND event_start_ms = 20000"
                                        + " AND driver_id = ?::uuid AND vehicle_id = ?::uuid"
                                        + " AND delivered_at IS NULL AND delivery_attempts = 0",
                                trip,
                                s.driverId,
                                s.vehicleId))
                .isEqualTo(1);
    }

    @Test
    void theSameTripWrittenTwiceThroughTheSinkRaisesOneAlert() throws Exception {
        UUID trip = storeTrip();
        ScoredTrip s = scored(trip, crash(20_000, "SEVERE", 30.0));
        TestProcessingTimeService time = new TestProcessingTimeService();
        BatchingJdbcSink.Writer<ScoredTrip> writer = writer(time);

        writer.write(s, null);
        writer.flush(false);
        String raisedAt = raisedAt(trip);
        writer.write(s, null); // a replay after a restore, or a duplicate delivery of the id
        writer.flush(false);
        writer.close();

        assertThat(alerts(trip))
                .containsExactly(AlertRule.alertId(trip, 0, "CRASH") + " 0 CRASH SEVERE open");
        assertThat(raisedAt(trip)).isEqualTo(raisedAt);
    }

    @Test
    void aRescoreThatNoLongerFindsTheEventSupersedesItsAlertAndFindingItAgainReopensIt()
            throws Exception {
        UUID trip = storeTrip();
        write(List.of(scored(trip, event("HARSH_BRAKING", 1_000, "SEVERE"))));

        // Re-scored (e.g. another class configuration): the same braking is now only harsh.
        write(List.of(scored(trip, event("HARSH_BRAKING", 1_000, "HARSH"))));
        assertThat(alerts(trip))
                .containsExactly(
                        AlertRule.alertId(trip, 0, "HARSH_BRAKING")
                                + " 0 HARSH_BRAKING SEVERE superseded");

        write(List.of(scored(trip)));
        assertThat(alerts(trip)).hasSize(1).allMatch(a -> a.endsWith("superseded"));

        write(List.of(scored(trip, event("HARSH_BRAKING", 1_000, "SEVERE"))));
        assertThat(alerts(trip))
                .containsExactly(
                        AlertRule.alertId(trip, 0, "HARSH_BRAKING")
                                + " 0 HARSH_BRAKING SEVERE open");
    }

    @Test
    void theIdTheDatabaseDerivesIsTheOneJavaDerives() throws Exception {
        UUID trip = UUID.fromString("0b9a6c9e-1d7f-4a51-9d8e-2f2a9f0c1e77");
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT "
                                        + AlertRule.sqlAlertId("t", "s", "e")
                                        + " FROM (SELECT ?::uuid AS t, 12 AS s, 'CRASH'::text AS e) x")) {
            ps.setObject(1, trip);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getObject(1)).isEqualTo(AlertRule.alertId(trip, 12, "CRASH"));
            }
        }
    }

    private static BatchingJdbcSink.Writer<ScoredTrip> writer(TestProcessingTimeService time) {
        return new BatchingJdbcSink.Writer<>(
                new BatchingJdbcSink<>(
                        TestServices.dbUrl(),
                        TestServices.dbUser(),
                        TestServices.dbPassword(),
                        100,
                        Duration.ofMillis(50),
                        new ScoreBatchStatement()),
                time,
                new UnregisteredMetricsGroup());
    }

    private static void write(List<ScoredTrip> batch) throws Exception {
        try (Connection c = DB.dataSource().getConnection()) {
            new ScoreBatchStatement().execute(c, batch);
        }
    }

    /** "id seq type severity open|superseded" of a trip's alerts, by seq. */
    private static List<String> alerts(UUID trip) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT id, seq, event_type, severity, superseded_at IS NOT NULL"
                                        + " FROM telemetry.alerts WHERE trip_id = ? ORDER BY seq")) {
            ps.setObject(1, trip);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(
                            rs.getString(1)
                                    + " "
                                    + rs.getInt(2)
                                    + " "
                                    + rs.getString(3)
                                    + " "
                                    + rs.getString(4)
                                    + " "
                                    + (rs.getBoolean(5) ? "superseded" : "open"));
                }
                return rows;
            }
        }
    }

    private static String raisedAt(UUID trip) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT raised_at::text FROM telemetry.alerts WHERE trip_id = ?")) {
            ps.setObject(1, trip);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static ScoredTrip scored(UUID trip, TripEventRecord... events) {
        ScoredTrip s = new ScoredTrip();
        s.tripId = trip.toString();
        s.driverId = UUID.randomUUID().toString();
        s.vehicleId = UUID.randomUUID().toString();
        s.startedAtMs = TRIP_START_MS;
        s.safetyScore = 50;
        s.distanceKm = 12.5;
        s.durationS = 900;
        s.movingS = 850;
        s.maxSpeedKmh = 90;
        s.avgSpeedKmh = 50;
        s.scoringVersion = "test/1";
        s.events = events;
        return s;
    }

    private static TripEventRecord event(String type, long atMs, String severity) {
        return new TripEventRecord(type, atMs, atMs + 800, 0.9, severity);
    }

    private static TripEventRecord crash(long atMs, String severity, double deltaVKmh) {
        return new TripEventRecord(
                "CRASH", atMs, atMs + 120, 2.75, severity, deltaVKmh, 48.0, 20.0);
    }

    private static UUID storeTrip() throws Exception {
        KnownTrips.KnownTrip known =
                KnownTrips.generate(new Random(7), UUID.randomUUID(), UUID.randomUUID());
        return new TripSeeder(DB.dataSource()).store(known.json());
    }
}
