package io.fleetflow.gateway;

import io.fleetflow.model.TripPayload;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads and writes {@code telemetry.trip_logs} for the gateway. */
public final class TripStore {

    private static final String INSERT =
            "INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at, telemetry_blob, sample_count)"
                    + " VALUES (?, ?, ?, ?, ?::jsonb, ?)";

    private static final String MARK_PUBLISHED =
            "UPDATE telemetry.trip_logs SET published_at = now(), publish_attempts = publish_attempts + 1"
                    + " WHERE id = ?";

    private static final String SELECT_UNPUBLISHED =
            "SELECT id FROM telemetry.trip_logs"
                    + " WHERE status = 'PENDING' AND published_at IS NULL AND received_at < now() - ?::interval"
                    + " ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED";

    private final DataSource dataSource;

    public TripStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Commits a new trip as {@code PENDING}. */
    public void insert(UUID tripId, TripPayload trip, String blob) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, tripId);
            ps.setObject(2, trip.vehicleId());
            ps.setObject(3, trip.driverId());
            ps.setObject(4, trip.startedAt());
            ps.setString(5, blob);
            ps.setInt(6, trip.samples().size());
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
     * Publishes, in one transaction, trips older than {@code minAge} whose id never reached the
     * broker, and marks those that were confirmed. Rows are locked with {@code SKIP LOCKED}, so
     * several gateway instances can relay at once without publishing the same trip together.
     *
     * @return how many trips were published
     */
    public int relayUnpublished(Duration minAge, int limit, TripPublisher publisher)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<UUID> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(SELECT_UNPUBLISHED)) {
                    ps.setString(1, minAge.toMillis() + " milliseconds");
                    ps.setInt(2, limit);
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
                return published;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
