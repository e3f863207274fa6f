package io.fleetflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetflow.model.schema.SchemaInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sql/init.sql} upgrades a database made by an earlier version in place: a scratch database
 * gets the schema as it was before crashes (issue 19) and a scored trip, then today's script,
 * twice.
 */
class SchemaUpgradeITCase {

    private static final UUID TRIP = UUID.fromString("11111111-2222-4333-8444-555555555555");

    private final String database = "ff_upgrade_" + Long.toHexString(System.nanoTime());
    private String url;

    @BeforeEach
    void createScratchDatabase() throws SQLException {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        url = TestServices.dbUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void aDatabaseFromBeforeCrashesIsUpgradedInPlaceAndTheUpgradeRunsOnce() throws Exception {
        try (Connection c = scratch();
                Statement s = c.createStatement()) {
            s.execute(resource("/sql/init-b28a366.sql"));
            s.execute(
                    "INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at,"
                            + " telemetry_blob, sample_count) VALUES ('"
                            + TRIP
                            + "', gen_random_uuid(), gen_random_uuid(), now(), '{}', 1)");
            s.execute(
                    "INSERT INTO telemetry.driver_scores (trip_id, driver_id, vehicle_id,"
                            + " safety_score, harsh_braking_count, rapid_accel_count, scoring_version)"
                            + " SELECT id, driver_id, vehicle_id, 90, 1, 0, 'old/1'"
                            + " FROM telemetry.trip_logs");
            s.execute(
                    "INSERT INTO telemetry.trip_events (trip_id, seq, event_type, start_ms, end_ms,"
                            + " peak, severity) VALUES ('"
                            + TRIP
                            + "', 0, 'HARSH_BRAKING', 0, 800, 0.5, 'HARSH')");
            assertThatThrownBy(() -> s.execute(crash(1))).isInstanceOf(SQLException.class);
        }

        applyToday();
        long constraint = typeCheckOid();
        applyToday();

        assertThat(typeCheckOid()).as("the type check is replaced once").isEqualTo(constraint);
        try (Connection c = scratch();
                Statement s = c.createStatement()) {
            assertThat(
                            one(
                                    s,
                                    "SELECT crash_count || ' ' || coalesce(mount_yaw_deg::text, 'null')"
                                            + " || ' ' || coalesce(crash_detection::text, 'null')"
                                            + " FROM telemetry.driver_scores"))
                    .isEqualTo("0 null null");
            assertThat(
                            one(
                                    s,
                                    "SELECT count(*) FROM telemetry.trip_events WHERE delta_v_kmh IS NULL"
                                            + " AND speed_before_kmh IS NULL AND speed_after_kmh IS NULL"))
                    .isEqualTo("1");
            s.execute(crash(1));
            assertThat(one(s, "SELECT delta_v_kmh FROM telemetry.trip_events WHERE seq = 1"))
                    .isEqualTo("31.5");
            assertThatThrownBy(
                            () ->
                                    s.execute(
                                            "UPDATE telemetry.trip_events SET event_type = 'BUMP'"
                                                    + " WHERE seq = 1"))
                    .hasMessageContaining("trip_events_event_type_check");
        }
    }

    private static String crash(int seq) {
        return "INSERT INTO telemetry.trip_events (trip_id, seq, event_type, start_ms, end_ms, peak,"
                + " severity) VALUES ('"
                + TRIP
                + "', "
                + seq
                + ", 'CRASH', 1000, 1120, 2.8, 'SEVERE'); UPDATE telemetry.trip_events SET"
                + " delta_v_kmh = 31.5 WHERE event_type = 'CRASH'";
    }

    private void applyToday() throws SQLException {
        try (Connection c = scratch();
                Statement s = c.createStatement()) {
            s.execute(SchemaInitializer.script());
        }
    }

    private long typeCheckOid() throws SQLException {
        try (Connection c = scratch();
                Statement s = c.createStatement()) {
            return Long.parseLong(
                    one(
                            s,
                            "SELECT oid FROM pg_constraint"
                                    + " WHERE conname = 'trip_events_event_type_check'"));
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            String value = rs.getString(1);
            assertThat(rs.next()).as(sql).isFalse();
            return value;
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SchemaUpgradeITCase.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(
                TestServices.dbUrl(), TestServices.dbUser(), TestServices.dbPassword());
    }

    private Connection scratch() throws SQLException {
        return DriverManager.getConnection(url, TestServices.dbUser(), TestServices.dbPassword());
    }
}
