package io.fleetflow.job.lookup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fetches a trip's blob and marks it {@code PROCESSING} in one statement. A trip that is already
 * {@code COMPLETED} or {@code FAILED} is not claimed again: a duplicate delivery is recognised here
 * and skipped.
 */
final class TripClaimQuery {

    private static final String CLAIM =
            "UPDATE telemetry.trip_logs SET status = 'PROCESSING', updated_at = now()"
                    + " WHERE id = ? AND status IN ('PENDING', 'PROCESSING')"
                    + " RETURNING driver_id, vehicle_id, started_at, telemetry_blob::text";

    private static final String STATUS = "SELECT status FROM telemetry.trip_logs WHERE id = ?";

    /** What the database said about a trip id. */
    enum Kind {
        CLAIMED,
        ALREADY_FINISHED,
        UNKNOWN
    }

    record Outcome(Kind kind, LookedUpTrip trip) {}

    private TripClaimQuery() {}

    static Outcome claim(DataSource dataSource, UUID tripId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setObject(1, tripId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Outcome(
                                Kind.CLAIMED,
                                LookedUpTrip.found(
                                        tripId.toString(),
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getTimestamp(3).getTime(),
                                        rs.getString(4)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(STATUS)) {
                ps.setObject(1, tripId);
                try (ResultSet rs = ps.executeQuery()) {
                    return new Outcome(rs.next() ? Kind.ALREADY_FINISHED : Kind.UNKNOWN, null);
                }
            }
        }
    }

    static Optional<UUID> parseTripId(String text) {
        try {
            if (text != null && text.length() == 36) {
                return Optional.of(UUID.fromString(text));
            }
        } catch (IllegalArgumentException e) {
            // not a UUID
        }
        return Optional.empty();
    }
}
