package io.fleetflow.job.rescore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * How far a re-scoring run is, read from PostgreSQL: how many trips its selection covers, and how
 * many of those have a score written since the run started. For the command line's progress bar.
 * Trips whose samples retention dropped are not re-scored (they keep their score): they are counted
 * apart, never in the bar's total.
 */
public final class RescoreProgress {

    /**
     * Whether trip {@code t} still has its samples: its week's primary key probed by the whole key,
     * as every reader does (docs/storage.md).
     */
    static final String HAS_SAMPLES =
            "EXISTS (SELECT 1 FROM telemetry.trip_samples s"
                    + " WHERE s.trip_id = t.id AND s.received_at = t.received_at)";

    private static final String SELECTED =
            "FROM telemetry.trip_logs t WHERE t.started_at >= ? AND t.started_at < ?"
                    + " AND t.status = 'COMPLETED'"
                    + " AND (cardinality(?::uuid[]) = 0 OR t.driver_id = ANY(?::uuid[]))"
                    + " AND (cardinality(?::uuid[]) = 0 OR t.vehicle_id = ANY(?::uuid[]))";

    private final RescoreSelection selection;

    public RescoreProgress(RescoreSelection selection) {
        this.selection = selection;
    }

    /** Trips the selection covers now that can be re-scored: their samples are kept. */
    public long selected(Connection c) throws SQLException {
        return count(c, "SELECT count(*) " + SELECTED + " AND " + HAS_SAMPLES, null);
    }

    /** Trips the selection covers whose samples retention dropped: skipped, score kept. */
    public long withoutSamples(Connection c) throws SQLException {
        return count(c, "SELECT count(*) " + SELECTED + " AND NOT " + HAS_SAMPLES, null);
    }

    /** Trips of the selection whose score was written at or after {@code since}. */
    public long rescoredSince(Connection c, Timestamp since) throws SQLException {
        return count(
                c,
                "SELECT count(*) "
                        + SELECTED
                        + " AND EXISTS (SELECT 1 FROM telemetry.driver_scores s"
                        + " WHERE s.trip_id = t.id AND s.scored_at >= ?)",
                since);
    }

    /** The database's clock: compare with {@code scored_at}, which the database sets. */
    public static Timestamp databaseNow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT clock_timestamp()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private long count(Connection c, String sql, Timestamp since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, new Timestamp(selection.fromMs));
            ps.setTimestamp(2, new Timestamp(selection.toMs));
            ps.setArray(3, c.createArrayOf("uuid", selection.drivers));
            ps.setArray(4, c.createArrayOf("uuid", selection.drivers));
            ps.setArray(5, c.createArrayOf("uuid", selection.vehicles));
            ps.setArray(6, c.createArrayOf("uuid", selection.vehicles));
            if (since != null) {
                ps.setTimestamp(7, since);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
