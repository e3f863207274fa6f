package io.fleetflow.gateway.publish;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A range of trips by {@code received_at}, for the relay's slices of the unfinished trips: from
 * {@code from} (the oldest if null; that instant itself included unless {@code fromExclusive}) to
 * {@code to} (included; the newest if null).
 */
public record ReceivedRange(Instant from, boolean fromExclusive, Instant to) {

    public static final ReceivedRange ALL = new ReceivedRange(null, false, null);

    /** The range from the same start to {@code end} (the newest if null). */
    public ReceivedRange upTo(Instant end) {
        return new ReceivedRange(from, fromExclusive, end);
    }

    /** The conditions to AND to a query, one parameter per bound. */
    String sql() {
        return (from == null
                        ? ""
                        : fromExclusive ? " AND received_at > ?" : " AND received_at >= ?")
                + (to == null ? "" : " AND received_at <= ?");
    }

    /** Binds the bounds from {@code index} on; returns the next free index. */
    int bind(PreparedStatement ps, int index) throws SQLException {
        int i = index;
        if (from != null) {
            ps.setObject(i++, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            ps.setObject(i++, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        return i;
    }
}
