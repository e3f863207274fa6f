package io.fleetflow.gateway.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What {@code telemetry.trip_logs} says about publishing: which trips the broker confirmed, and
 * which are due to be published (again) by the relay.
 */
public final class PublicationStore {

    private static final String MARK_PUBLISHED =
            "UPDATE telemetry.trip_logs SET published_at = now(), publish_attempts = publish_attempts + 1"
                    + " WHERE id = ?";

    /**
     * Unpublished trips older than the minimum age, and published ones still {@code PENDING} after
     * the stale age — doubled with every publish after the first, at most {@value
     * #MAX_STALE_DOUBLINGS} times (10 min, 20, 40, ... 640 min with the default), so that while the
     * job is away and the queue already holds the backlog, each trip is published again a few times
     * in a long outage, not once every stale age.
     */
    private static final String SELECT_UNPUBLISHED =
            "SELECT id FROM telemetry.trip_logs WHERE completed_at IS NULL AND status = 'PENDING'"
                    + " AND ((published_at IS NULL AND received_at < now() - ?::interval)"
                    + " OR (? AND published_at < now() - ?::interval"
                    + " * (1 << least(greatest(publish_attempts - 1, 0), ?))))";

    private static final String UNFINISHED =
            "SELECT received_at FROM telemetry.trip_logs WHERE completed_at IS NULL";

    static final int MAX_STALE_DOUBLINGS = 6;

    private final DataSource dataSource;

    public PublicationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Marks the trips published in one statement. It is planned at every execution: a plan cached
     * while the table was empty (a new install, or right after a vacuum found no rows) is a
     * sequential scan comparing every row with every id, and it would stay in use as the table
     * grew.
     */
    public void markPublished(List<UUID> tripIds) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE telemetry.trip_logs SET published_at = now(),"
                                        + " publish_attempts = publish_attempts + 1"
                                        + " WHERE id = ANY(?)")) {
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            ps.setArray(1, c.createArrayOf("uuid", tripIds.toArray()));
            ps.executeUpdate();
        }
    }

    public void markPublished(UUID tripId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(MARK_PUBLISHED)) {
            ps.setObject(1, tripId);
            ps.executeUpdate();
        }
    }

    /**
     * Where a slice of the unfinished trips that starts at {@code start} ends: the {@code
     * received_at} of its {@code rows}-th trip, or null if fewer remain. Read from the index of
     * unfinished trips (an index-only scan once the rows are all-visible).
     */
    public Instant unfinishedSliceEnd(ReceivedRange start, int rows) throws SQLException {
        ReceivedRange onwards = start.upTo(null);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                UNFINISHED
                                        + onwards.sql()
                                        + " ORDER BY received_at OFFSET ? LIMIT 1")) {
            int i = onwards.bind(ps, 1);
            ps.setInt(i, rows - 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        }
    }

    /** What one relay transaction did: the trips it found due and those it published. */
    public record Relayed(int found, int published) {

        /** The broker refused or did not confirm a publish: the rest waits for the next round. */
        public boolean brokerAway() {
            return published < found;
        }
    }

    /**
     * Publishes, in one transaction, up to {@code limit} trips received within {@code range} that
     * are due: older than {@code minAge} and never published, or — unless {@code staleAge} is null
     * — still {@code PENDING} longer than {@code staleAge} after their last publish (their message
     * may have been lost), a wait that doubles with every publish after the first (see {@link
     * #SELECT_UNPUBLISHED}). Marks those the broker confirmed. Rows are locked with {@code SKIP
     * LOCKED}, so several gateway instances can relay at once without publishing the same trip
     * together.
     */
    public Relayed relayUnpublished(
            Duration minAge,
            Duration staleAge,
            ReceivedRange range,
            int limit,
            TripPublisher publisher)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<UUID> ids = new ArrayList<>();
                try (PreparedStatement ps =
                        c.prepareStatement(
                                SELECT_UNPUBLISHED
                                        + range.sql()
                                        + " ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
                    ps.setString(1, minAge.toMillis() + " milliseconds");
                    ps.setBoolean(2, staleAge != null);
                    ps.setString(3, (staleAge == null ? 0 : staleAge.toMillis()) + " milliseconds");
                    ps.setInt(4, MAX_STALE_DOUBLINGS);
                    ps.setInt(range.bind(ps, 5), limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
                int published = 0;
                try (PreparedStatement mark = c.prepareStatement(MARK_PUBLISHED)) {
                    for (UUID id : ids) {
                        if (!publisher.tryPublish(id)) {
                            break; // broker still away: keep the rest for the next round
                        }
                        mark.setObject(1, id);
                        mark.executeUpdate();
                        published++;
                    }
                }
                c.commit();
                return new Relayed(ids.size(), published);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
