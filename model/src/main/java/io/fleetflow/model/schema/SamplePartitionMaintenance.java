package io.fleetflow.model.schema;

import io.fleetflow.model.schema.SamplePartitions.Week;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Keeps the weekly partitions of {@code telemetry.trip_samples} in step with the clock: creates the
 * weeks {@link SamplePartitions} wants (and any week a row in the default partition needs, moving
 * the row there), and drops the weeks retention lets go. Every change holds the schema lock of
 * {@link SchemaInitializer}, so gateways and starts take turns.
 */
public final class SamplePartitionMaintenance {

    /** How long a change waits for the table's lock before it gives up until the next round. */
    static final String LOCK_TIMEOUT = "5s";

    private static final String EXISTING =
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " WHERE i.inhparent = 'telemetry.trip_samples'::regclass";

    private static final String DEFAULT_RANGE =
            "SELECT min(received_at), max(received_at) FROM telemetry."
                    + SamplePartitions.DEFAULT_PARTITION;

    private static final String UNFINISHED_IN =
            "SELECT count(*) FROM telemetry.trip_logs WHERE completed_at IS NULL"
                    + " AND received_at >= ? AND received_at < ?";

    /** What a retention round did. */
    public record Retention(List<Week> dropped, Week keptForUnfinished) {}

    private SamplePartitionMaintenance() {}

    /**
     * Creates, in the caller's transaction, the weeks wanted at {@code now} and those the rows of
     * the default partition belong to, moving those rows; returns the weeks created.
     */
    public static List<Week> ensure(Connection c, Instant now, int weeksAhead) throws SQLException {
        List<Week> wanted = new ArrayList<>(SamplePartitions.wanted(now, weeksAhead));
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(DEFAULT_RANGE)) {
            rs.next();
            Timestamp first = rs.getTimestamp(1);
            if (first != null) {
                wanted.addAll(
                        SamplePartitions.covering(
                                first.toInstant(), rs.getTimestamp(2).toInstant()));
            }
        }
        return create(c, SamplePartitions.missing(wanted, existing(c)));
    }

    /** {@link #ensure(Connection, Instant, int)} in a transaction of its own. */
    public static List<Week> ensure(DataSource dataSource, Instant now, int weeksAhead)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lock(c);
                List<Week> created = ensure(c, now, weeksAhead);
                c.commit();
                return created;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Creates the weeks (in the caller's transaction). Rows of the default partition that belong to
     * a week move into it: PostgreSQL refuses a new partition while the default holds its rows.
     */
    static List<Week> create(Connection c, List<Week> weeks) throws SQLException {
        for (Week w : weeks) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS pg_temp.moving_samples");
                s.execute(
                        "CREATE TEMP TABLE moving_samples ON COMMIT DROP AS WITH m AS (DELETE FROM"
                                + " telemetry."
                                + SamplePartitions.DEFAULT_PARTITION
                                + " WHERE received_at >= '"
                                + w.from()
                                + "' AND received_at < '"
                                + w.to()
                                + "' RETURNING trip_id, received_at, telemetry_blob, telemetry_bin)"
                                + " SELECT * FROM m");
                s.execute(
                        "CREATE TABLE telemetry."
                                + w.name()
                                + " PARTITION OF "
                                + SamplePartitions.TABLE
                                + " FOR VALUES FROM ('"
                                + w.from()
                                + "') TO ('"
                                + w.to()
                                + "')");
                s.execute(
                        "INSERT INTO "
                                + SamplePartitions.TABLE
                                + " (trip_id, received_at, telemetry_blob, telemetry_bin) SELECT trip_id,"
                                + " received_at, telemetry_blob, telemetry_bin FROM moving_samples");
                s.execute("DROP TABLE pg_temp.moving_samples");
            }
        }
        return weeks;
    }

    /** The weekly partitions that exist (the default partition is not a week). */
    public static List<Week> existing(Connection c) throws SQLException {
        List<Week> weeks = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(EXISTING)) {
            while (rs.next()) {
                Week.parse(rs.getString(1)).ifPresent(weeks::add);
            }
        }
        return weeks;
    }

    /**
     * Drops the weeks whose samples are all older than {@code retention}, oldest first, each in a
     * transaction of its own, and stops at the first week that holds an unfinished ({@code PENDING}
     * or {@code PROCESSING}) trip: its samples are still to be scored. A week is dropped whole
     * ({@code DROP TABLE} of the partition), never deleted row by row.
     */
    public static Retention dropExpired(DataSource dataSource, Instant now, Duration retention)
            throws SQLException {
        List<Week> dropped = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<Week> expired = SamplePartitions.expired(existing(c), now, retention);
            c.setAutoCommit(false);
            for (Week w : expired) {
                try {
                    lock(c);
                    if (unfinished(c, w) > 0) {
                        c.rollback();
                        return new Retention(dropped, w);
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP TABLE telemetry." + w.name());
                    }
                    c.commit();
                    dropped.add(w);
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
            return new Retention(dropped, null);
        }
    }

    private static long unfinished(Connection c, Week w) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UNFINISHED_IN)) {
            ps.setTimestamp(1, Timestamp.from(w.from()));
            ps.setTimestamp(2, Timestamp.from(w.to()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            s.execute("SELECT pg_advisory_xact_lock(" + SchemaInitializer.LOCK_KEY + ")");
        }
    }
}
