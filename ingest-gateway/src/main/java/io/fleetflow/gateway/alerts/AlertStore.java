package io.fleetflow.gateway.alerts;

import io.fleetflow.model.AlertRule;
import io.fleetflow.model.registry.RegistryNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The alerts the job raised ({@link AlertRule#TABLE}): reading and acknowledging them for the API,
 * and the dispatcher's lease-and-record cycle. Every method is one short transaction; no row lock
 * is held while a webhook is called.
 */
public final class AlertStore {

    // The registered names by scalar subquery on the registry's primary keys: they work in the
    // lease's RETURNING as in the SELECTs, and an unregistered driver or vehicle reads null.
    static final String COLUMNS =
            "id, trip_id, seq, event_type, severity, driver_id, vehicle_id,"
                    + " (SELECT name FROM "
                    + RegistryNames.DRIVERS
                    + " r WHERE r.driver_id = "
                    + AlertRule.TABLE
                    + ".driver_id) AS driver_name,"
                    + " (SELECT name FROM "
                    + RegistryNames.VEHICLES
                    + " r WHERE r.vehicle_id = "
                    + AlertRule.TABLE
                    + ".vehicle_id) AS vehicle_name,"
                    + " event_start_ms, peak, delta_v_kmh, raised_at, "
                    + AlertStatus.sqlExpression()
                    + " AS status, superseded_at, acknowledged_at, acknowledged_by, delivered_at,"
                    + " delivery_attempts";

    /**
     * Leases up to {@code ?} due, undelivered alerts: each one's next attempt moves a lease ahead
     * (so another dispatcher, or this one after a crash, takes it again only once the lease ran
     * out) and its attempt is counted. Rows another dispatcher is leasing are skipped.
     */
    static final String LEASE =
            "WITH due AS (SELECT id AS due_id FROM "
                    + AlertRule.TABLE
                    + " WHERE delivered_at IS NULL AND next_attempt_at <= now()"
                    + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                    + " UPDATE "
                    + AlertRule.TABLE
                    + " SET next_attempt_at = now() + ? * interval '1 millisecond',"
                    + " delivery_attempts = delivery_attempts + 1"
                    + " FROM due WHERE id = due_id RETURNING "
                    + COLUMNS;

    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Alerts with {@code status}, newest first, at most {@code limit}. */
    public List<Alert> list(AlertStatus status, int limit) throws SQLException {
        String sql =
                "SELECT "
                        + COLUMNS
                        + " FROM "
                        + AlertRule.TABLE
                        + " WHERE "
                        + status.condition
                        + " ORDER BY raised_at DESC, id LIMIT ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            return rows(ps);
        }
    }

    public Optional<Alert> find(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM "
                                        + AlertRule.TABLE
                                        + " WHERE id = ?")) {
            ps.setObject(1, id);
            return rows(ps).stream().findFirst();
        }
    }

    /**
     * Records that {@code by} acknowledged the alert now, unless it was acknowledged already (the
     * first acknowledgement stays). Empty when there is no such alert.
     */
    public Optional<Alert> acknowledge(UUID id, String by) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE "
                                        + AlertRule.TABLE
                                        + " SET acknowledged_at = now(), acknowledged_by = ?"
                                        + " WHERE id = ? AND acknowledged_at IS NULL")) {
            ps.setString(1, by);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
        return find(id);
    }

    /** Leases up to {@code max} alerts due for delivery for {@code lease} (see {@link #LEASE}). */
    List<Alert> leaseDue(int max, Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(LEASE)) {
            ps.setInt(1, max);
            ps.setLong(2, lease.toMillis());
            return rows(ps);
        }
    }

    /**
     * Marks a batch's delivered alerts in one statement (one commit, where a commit per alert made
     * the dispatcher fall behind at ~100 alerts/s on a busy host: docs/benchmarks.md, "Alerts").
     */
    void markDelivered(Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE "
                                        + AlertRule.TABLE
                                        + " SET delivered_at = now(), last_error = NULL"
                                        + " WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /** Records a failed attempt; the next one is due after {@code wait}. */
    void markFailed(UUID id, String error, Duration wait) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE "
                                        + AlertRule.TABLE
                                        + " SET last_error = left(?, 500),"
                                        + " next_attempt_at = now() + ? * interval '1 millisecond'"
                                        + " WHERE id = ? AND delivered_at IS NULL")) {
            ps.setString(1, error);
            ps.setLong(2, wait.toMillis());
            ps.setObject(3, id);
            ps.executeUpdate();
        }
    }

    /** When the alert's next delivery attempt is due and its last error, for tests and ops. */
    record Delivery(Instant nextAttemptAt, String lastError) {}

    Delivery delivery(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT next_attempt_at, last_error FROM "
                                        + AlertRule.TABLE
                                        + " WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new Delivery(rs.getTimestamp(1).toInstant(), rs.getString(2))
                        : null;
            }
        }
    }

    private static List<Alert> rows(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Alert> alerts = new ArrayList<>();
            while (rs.next()) {
                double deltaV = rs.getDouble("delta_v_kmh");
                Double deltaVKmh = rs.wasNull() ? null : deltaV;
                alerts.add(
                        new Alert(
                                rs.getObject("id", UUID.class),
                                rs.getObject("trip_id", UUID.class),
                                rs.getInt("seq"),
                                rs.getString("event_type"),
                                rs.getString("severity"),
                                rs.getObject("driver_id", UUID.class),
                                rs.getObject("vehicle_id", UUID.class),
                                rs.getString("driver_name"),
                                rs.getString("vehicle_name"),
                                rs.getLong("event_start_ms"),
                                rs.getDouble("peak"),
                                deltaVKmh,
                                instant(rs, "raised_at"),
                                rs.getString("status"),
                                instant(rs, "superseded_at"),
                                instant(rs, "acknowledged_at"),
                                rs.getString("acknowledged_by"),
                                instant(rs, "delivered_at"),
                                rs.getInt("delivery_attempts")));
            }
            return alerts;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
