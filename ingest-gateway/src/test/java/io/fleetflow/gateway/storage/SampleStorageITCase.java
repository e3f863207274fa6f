package io.fleetflow.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.model.schema.SamplePartitionMaintenance;
import io.fleetflow.model.schema.SamplePartitions;
import io.fleetflow.model.schema.SamplePartitions.Week;
import io.fleetflow.model.schema.SchemaInitializer;
import io.fleetflow.testing.TelemetryDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The weekly partitions of {@code telemetry.trip_samples} on the real PostgreSQL: created ahead, a
 * row outside them kept and moved, retention dropping whole weeks but never one with unfinished
 * trips, and the upgrade of a database from before the partitioning.
 */
class SampleStorageITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();

    private static final Instant NOW = Instant.now();
    private static final Duration RETENTION = Duration.ofDays(90);

    @Test
    void theCurrentWeekAndTheWeeksAheadExistAfterTheSchemaIsApplied() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            assertThat(SamplePartitionMaintenance.existing(c))
                    .containsAll(
                            SamplePartitions.wanted(NOW, SamplePartitions.DEFAULT_WEEKS_AHEAD));
        }
        SchemaInitializer.apply(DB.dataSource());
        assertThat(
                        SamplePartitionMaintenance.ensure(
                                DB.dataSource(), NOW, SamplePartitions.DEFAULT_WEEKS_AHEAD))
                .isEmpty();
        assertFormatTwoIsStoredUncompressedEverywhere();
    }

    /** telemetry_bin is EXTERNAL (format 2 does not compress) on the table and every partition. */
    private static void assertFormatTwoIsStoredUncompressedEverywhere() throws SQLException {
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM pg_attribute WHERE attname = 'telemetry_bin'"
                                        + " AND attstorage = 'e' AND attrelid IN (SELECT"
                                        + " 'telemetry.trip_samples'::regclass UNION ALL SELECT inhrelid"
                                        + " FROM pg_inherits WHERE inhparent = 'telemetry.trip_samples'::regclass)"))
                .isEqualTo(
                        1
                                + DB.count(
                                        "SELECT count(*) FROM pg_inherits"
                                                + " WHERE inhparent = 'telemetry.trip_samples'::regclass"));
    }

    @Test
    void aTripOutsideEveryWeekIsKeptInTheDefaultPartitionThenMovedIntoItsWeek()
            throws SQLException {
        Instant longAgo = Instant.parse("2019-06-05T12:00:00Z");
        UUID trip = trip(longAgo, "PENDING");
        UUID legacy = trip(longAgo, "PENDING", false);
        assertThat(count("telemetry." + SamplePartitions.DEFAULT_PARTITION)).isEqualTo(2);

        List<Week> created = SamplePartitionMaintenance.ensure(DB.dataSource(), NOW, 1);

        assertThat(created).contains(Week.of(longAgo));
        assertThat(count("telemetry." + SamplePartitions.DEFAULT_PARTITION)).isZero();
        assertThat(count("telemetry." + Week.of(longAgo).name())).isEqualTo(2);
        assertThat(TripBlobCodec.decode(blob(trip))).isEqualTo(samples());
        assertThat(blob(trip)[0]).as("format 2").isEqualTo((byte) TripBlobCodec.FORMAT);
        assertThat(TripBlobCodec.decode(blob(legacy))).isEqualTo(samples());
        assertThat(blob(legacy)[0]).as("format 1").isEqualTo((byte) '{');
        assertThat(SamplePartitionMaintenance.ensure(DB.dataSource(), NOW, 1)).isEmpty();
    }

    @Test
    void retentionDropsWholeOldWeeksAndStopsAtOneWithAnUnfinishedTrip() throws SQLException {
        Instant a = NOW.minus(Duration.ofDays(300));
        Instant b = NOW.minus(Duration.ofDays(250));
        Instant c = NOW.minus(Duration.ofDays(200));
        UUID finishedA = trip(a, "COMPLETED");
        UUID pendingB = trip(b, "PENDING");
        UUID failedB = trip(b, "FAILED");
        UUID finishedC = trip(c, "COMPLETED");
        UUID recent = trip(NOW, "COMPLETED");
        SamplePartitionMaintenance.ensure(DB.dataSource(), NOW, 1);

        SamplePartitionMaintenance.Retention first =
                SamplePartitionMaintenance.dropExpired(DB.dataSource(), NOW, RETENTION);

        assertThat(first.dropped()).contains(Week.of(a)).doesNotContain(Week.of(c));
        assertThat(first.keptForUnfinished()).isEqualTo(Week.of(b));
        assertThat(blob(finishedA)).isNull();
        assertThat(blob(pendingB)).isNotNull();
        assertThat(blob(finishedC)).isNotNull();

        finish(pendingB);
        SamplePartitionMaintenance.Retention second =
                SamplePartitionMaintenance.dropExpired(DB.dataSource(), NOW, RETENTION);

        assertThat(second.dropped()).contains(Week.of(b), Week.of(c));
        assertThat(second.keptForUnfinished()).isNull();
        for (UUID gone : List.of(finishedA, pendingB, failedB, finishedC)) {
            assertThat(blob(gone)).isNull();
        }
        assertThat(blob(recent)).isNotNull();
        assertThat(DB.count("SELECT count(*) FROM telemetry.trip_logs")).isEqualTo(5);
        assertThat(DB.status(failedB)).isEqualTo("FAILED");
    }

    @Test
    void aDatabaseFromBeforeThePartitioningIsUpgradedWithEveryBlob() throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA telemetry CASCADE");
            s.execute(resource("/sql/init-b28a366.sql"));
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at,"
                                    + " telemetry_blob, sample_count, received_at, status, completed_at)"
                                    + " VALUES (?, ?, ?, ?, ?::jsonb, 3, ?, 'COMPLETED', ?)")) {
                for (int day = 0; day < 60; day += 4) {
                    UUID id = UUID.randomUUID();
                    Timestamp at = Timestamp.from(NOW.minus(Duration.ofDays(day)));
                    ps.setObject(1, id);
                    ps.setObject(2, UUID.randomUUID());
                    ps.setObject(3, UUID.randomUUID());
                    ps.setTimestamp(4, at);
                    ps.setString(5, TripBlobCodec.encodeJson(samples()));
                    ps.setTimestamp(6, at);
                    ps.setTimestamp(7, at);
                    ps.executeUpdate();
                    ids.add(id);
                }
            }
            s.execute(
                    "INSERT INTO telemetry.driver_scores (trip_id, driver_id, vehicle_id,"
                            + " safety_score, harsh_braking_count, rapid_accel_count, scoring_version)"
                            + " SELECT id, driver_id, vehicle_id, 90, 0, 0, 'old' FROM telemetry.trip_logs");
        }

        SchemaInitializer.apply(DB.dataSource());
        SchemaInitializer.apply(DB.dataSource());

        assertThat(
                        DB.count(
                                "SELECT count(*) FROM pg_attribute WHERE attrelid ="
                                        + " 'telemetry.trip_logs'::regclass AND attname = 'telemetry_blob'"
                                        + " AND NOT attisdropped"))
                .isZero();
        assertThat(count("telemetry.trip_samples")).isEqualTo(ids.size());
        assertThat(count("telemetry." + SamplePartitions.DEFAULT_PARTITION)).isZero();
        assertThat(count("telemetry.driver_scores")).isEqualTo(ids.size());
        for (UUID id : ids) {
            assertThat(TripBlobCodec.decode(blob(id))).isEqualTo(samples());
        }
        // The JSON blobs stay as they were (no rewrite); a new trip is stored in format 2 beside.
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.trip_samples"
                                        + " WHERE telemetry_blob IS NOT NULL AND telemetry_bin IS NULL"))
                .isEqualTo(ids.size());
        UUID fresh = trip(NOW, "PENDING");
        assertThat(TripBlobCodec.decode(blob(fresh))).isEqualTo(samples());
        assertFormatTwoIsStoredUncompressedEverywhere();
        assertThatThrownBy(
                        () ->
                                DB.count(
                                        "UPDATE telemetry.trip_samples SET telemetry_bin = '\\x02'"
                                                + " WHERE telemetry_blob IS NOT NULL RETURNING 1"))
                .hasMessageContaining("trip_samples_one_blob");
    }

    private static TripSamples samples() {
        return new TripSamples(
                null,
                1.0,
                new double[] {10, 20, 30},
                new double[] {0.1, -0.2, 0},
                new double[] {0, 0.05, 0});
    }

    /** A trip received at {@code receivedAt}, its samples stored as the gateway stores them. */
    static UUID trip(Instant receivedAt, String status) throws SQLException {
        return trip(receivedAt, status, true);
    }

    /**
     * A trip received at {@code receivedAt}, its samples in format 2 as the gateway stores them, or
     * in format 1 (JSON) as trips stored before it.
     */
    static UUID trip(Instant receivedAt, String status, boolean formatTwo) throws SQLException {
        UUID id = UUID.randomUUID();
        boolean finished = status.equals("COMPLETED") || status.equals("FAILED");
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "WITH t AS (INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id,"
                                        + " started_at, sample_count, received_at, status, failure_reason,"
                                        + " completed_at) VALUES (?, ?, ?, ?, 3, ?, ?, ?, ?)"
                                        + " RETURNING id, received_at)"
                                        + " INSERT INTO telemetry.trip_samples (trip_id, received_at,"
                                        + (formatTwo
                                                ? " telemetry_bin) SELECT id, received_at, ? FROM t"
                                                : " telemetry_blob) SELECT id, received_at, ?::jsonb"
                                                        + " FROM t"))) {
            Timestamp at = Timestamp.from(receivedAt);
            ps.setObject(1, id);
            ps.setObject(2, UUID.randomUUID());
            ps.setObject(3, UUID.randomUUID());
            ps.setTimestamp(4, at);
            ps.setTimestamp(5, at);
            ps.setString(6, status);
            ps.setString(7, status.equals("FAILED") ? "test" : null);
            ps.setTimestamp(8, finished ? at : null);
            if (formatTwo) {
                ps.setBytes(9, TripBlobCodec.encode(samples()));
            } else {
                ps.setString(9, TripBlobCodec.encodeJson(samples()));
            }
            ps.executeUpdate();
        }
        return id;
    }

    private static void finish(UUID trip) throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE telemetry.trip_logs SET status = 'COMPLETED',"
                                        + " completed_at = now() WHERE id = ?")) {
            ps.setObject(1, trip);
            ps.executeUpdate();
        }
    }

    /** The trip's stored blob as the readers fetch it (by the whole key), or null when gone. */
    static byte[] blob(UUID trip) throws SQLException {
        return blob(DB, trip);
    }

    static byte[] blob(TelemetryDatabase db, UUID trip) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT "
                                        + SamplePartitions.STORED_BLOB
                                        + " FROM telemetry.trip_logs t"
                                        + " LEFT JOIN telemetry.trip_samples s ON s.trip_id = t.id"
                                        + " AND s.received_at = t.received_at WHERE t.id = ?")) {
            ps.setObject(1, trip);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("trip_logs row of " + trip).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private static long count(String table) throws SQLException {
        return DB.count("SELECT count(*) FROM " + table);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SampleStorageITCase.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
