package io.fleetflow.job.lookup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fetches a trip's blob and marks it {@code PROCESSING} in one statement. A trip that is already
 * {@code COMPLETED} or {@code FAILED} keeps its status but is still returned: it is a redelivery
 * after a restore, and scoring it again is idempotent in the sinks and needed by the driver
 * statistics, whose state was rolled back to the checkpoint.
 */
final class TripClaimQuery {

    private static final String CLAIM =
            "WITH claimed AS (UPDATE telemetry.trip_logs SET status = 'PROCESSING', updated_at = now()"
                    + " WHERE id = ? AND status IN ('PENDING', 'PROCESSING') RETURNING id)"
                    + " SELECT driver_id::text, vehicle_id::text, started_at, telemetry_blob::text,"
                    + " status IN ('COMPLETED', 'FAILED') AS finished"
                    + " FROM telemetry.trip_logs WHERE id = ?";

    /** What the database said about a trip id. */
    enum Kind {
        CLAIMED,
        ALREADY_FINISHED,
        UNKNOWN
    }

    record Outcome(Kind kind, LookedUpTrip trip) {}

    private TripClaimQuery() {}

    static Outcome claim(DataSource dataSource, UUID tripId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setObject(1, tripId);
            ps.setObject(2, tripId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Outcome(Kind.UNKNOWN, null);
                }
                LookedUpTrip trip =
                        LookedUpTrip.found(
                                tripId.toString(),
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).getTime(),
                                rs.getString(4));
                return new Outcome(rs.getBoolean(5) ? Kind.ALREADY_FINISHED : Kind.CLAIMED, trip);
            }
        }
    }
}
