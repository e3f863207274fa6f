package io.fleetflow.gateway.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** The pipeline view's trip counts: the backlog, and the trips finished lately. */
public final class PipelineQueries {

    // Every query here reads an index, never the whole table: the dashboard polls the pipeline view
    // every few seconds, and trip_logs grows without bound. Unfinished trips come from the partial
    // index of unfinished trips (their number is the backlog, small while the job keeps up);
    // finished ones are counted over fixed windows by completion time, from the partial indexes of
    // finished and of failed trips, by index-only scans (sql/init.sql).
    private static final String UNFINISHED =
            "SELECT count(*) FILTER (WHERE status = 'PENDING') AS pending,"
                    + " count(*) FILTER (WHERE status = 'PROCESSING') AS processing,"
                    + " extract(epoch FROM now() - min(received_at)) AS age_s"
                    + " FROM telemetry.trip_logs WHERE completed_at IS NULL";

    // One statement, so all four counts come from one snapshot; one range scan per index, the
    // last hour counted within the last day's. failure_reason is set exactly on FAILED trips (the
    // job clears it when it completes a trip), so completed = finished - failed.
    private static final String FINISHED =
            "SELECT * FROM (SELECT count(*) AS finished_24h,"
                    + " count(*) FILTER (WHERE completed_at >= now() - interval '1 hour') AS finished_1h"
                    + " FROM telemetry.trip_logs WHERE completed_at >= now() - interval '24 hours') f,"
                    + " (SELECT count(*) AS failed_24h,"
                    + " count(*) FILTER (WHERE completed_at >= now() - interval '1 hour') AS failed_1h"
                    + " FROM telemetry.trip_logs WHERE failure_reason IS NOT NULL"
                    + " AND completed_at >= now() - interval '24 hours') x";

    /** The queries, for a test of their plans. */
    public static final List<String> QUERIES = List.of(UNFINISHED, FINISHED);

    /** The backlog: trips accepted and not finished yet. */
    public record Unfinished(long pending, long processing) {}

    /** Trips that finished (were COMPLETED or FAILED) within a window ending now. */
    public record Finished(long completed, long failed) {}

    public record PipelineCounts(
            Unfinished unfinished,
            Double oldestUnfinishedAgeS,
            Finished lastHour,
            Finished last24h) {}

    private final DataSource dataSource;

    public PipelineQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The backlog and the trips finished in the last hour and the last 24 hours. */
    public PipelineCounts counts() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Unfinished unfinished;
            Double oldestAgeS;
            try (PreparedStatement ps = c.prepareStatement(UNFINISHED);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                unfinished = new Unfinished(rs.getLong("pending"), rs.getLong("processing"));
                oldestAgeS = ageSeconds(rs);
            }
            try (PreparedStatement ps = c.prepareStatement(FINISHED);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new PipelineCounts(
                        unfinished,
                        oldestAgeS,
                        finished(rs.getLong("finished_1h"), rs.getLong("failed_1h")),
                        finished(rs.getLong("finished_24h"), rs.getLong("failed_24h")));
            }
        }
    }

    private static Finished finished(long finished, long failed) {
        return new Finished(finished - failed, failed);
    }

    /** Age of the oldest unfinished trip, or null when there is none. */
    private static Double ageSeconds(ResultSet rs) throws SQLException {
        double v = rs.getDouble("age_s");
        return rs.wasNull() || !Double.isFinite(v) ? null : v;
    }
}
