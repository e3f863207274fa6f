package io.fleetflow.gateway;

import io.fleetflow.model.TripPayload;
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
 * Reads and writes {@code telemetry.trip_logs} for the gateway. Made with {@link #withGroupCommit},
 * new trips without an idempotency key are committed together with those of concurrent requests
 * (see {@link GroupCommitWriter}).
 */
public final class TripStore implements AutoCloseable {

    private static final String INSERT =
            "INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at, telemetry_blob, sample_count,"
                    + " idempotency_key, body_sha256)"
                    + " VALUES (?, ?, ?, ?::timestamptz, ?::jsonb, ?, ?, ?)";

    /**
     * Only for trips with an idempotency key: {@code ON CONFLICT} makes PostgreSQL insert
     * speculatively (check the key index, insert, confirm), which a plain insert does not pay.
     */
    private static final String INSERT_UNLESS_KEY_EXISTS =
            INSERT + " ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING";

    private static final String SELECT_BY_IDEMPOTENCY_KEY =
            "SELECT id, body_sha256 FROM telemetry.trip_logs WHERE idempotency_key = ?";

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
    private final GroupCommitWriter groupCommit;

    /** Every insert in its own transaction. */
    public TripStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.groupCommit = null;
    }

    private TripStore(DataSource dataSource, int writers) {
        this.dataSource = dataSource;
        this.groupCommit = new GroupCommitWriter(this::insertAll, writers);
    }

    /**
     * A store that commits the new trips of concurrent requests together.
     *
     * @param writers connections committing batches at once; the pool needs them on top of what the
     *     rest of the gateway uses
     */
    public static TripStore withGroupCommit(DataSource dataSource, int writers) {
        return new TripStore(dataSource, writers);
    }

    /** A trip to insert as {@code PENDING}, with no idempotency key. */
    public record NewTrip(UUID tripId, TripPayload trip, String blob) {}

    /** Inserts the trips in one transaction (one round trip): all or none. */
    public void insertAll(List<NewTrip> trips) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(trips.size() == 1);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (NewTrip t : trips) {
                    bind(ps, t.tripId(), t.trip(), t.blob(), null, null);
                    if (trips.size() == 1) {
                        ps.executeUpdate();
                        return;
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                throw e;
            }
        }
    }

    private static void bind(
            PreparedStatement ps,
            UUID tripId,
            TripPayload trip,
            String blob,
            String idempotencyKey,
            String bodySha256)
            throws SQLException {
        ps.setObject(1, tripId);
        ps.setObject(2, trip.vehicleId());
        ps.setObject(3, trip.driverId());
        // As ISO-8601 text: the driver's OffsetDateTime path goes through a Calendar.
        ps.setString(4, trip.startedAt().toString());
        ps.setString(5, blob);
        ps.setInt(6, trip.samples().size());
        ps.setString(7, idempotencyKey);
        ps.setString(8, bodySha256);
    }

    /** Stops group commit after committing what is waiting; nothing to do otherwise. */
    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
    }

    /** Commits a new trip as {@code PENDING}. */
    public void insert(UUID tripId, TripPayload trip, String blob) throws SQLException {
        Insert outcome = insert(tripId, trip, blob, null, null);
        if (!(outcome instanceof Insert.Stored)) {
            throw new IllegalStateException("a trip without idempotency key cannot conflict");
        }
    }

    /** What {@link #insert(UUID, TripPayload, String, String, String)} did. */
    public sealed interface Insert {
        /** The trip was committed under the new id. */
        record Stored(UUID tripId) implements Insert {}

        /** A trip with this idempotency key and the same body exists; nothing was written. */
        record Replayed(UUID tripId) implements Insert {}

        /** A trip with this idempotency key but another body exists; nothing was written. */
        record Conflict(UUID tripId) implements Insert {}
    }

    /**
     * Commits a new trip as {@code PENDING} unless a trip with the same idempotency key exists. The
     * unique index on the key makes concurrent retries safe: exactly one insert wins, the others
     * see its row.
     *
     * @param idempotencyKey the client's key, or {@code null}
     * @param bodySha256 hex SHA-256 of the decompressed body, stored to tell retries from misuse
     */
    public Insert insert(
            UUID tripId, TripPayload trip, String blob, String idempotencyKey, String bodySha256)
            throws SQLException {
        if (idempotencyKey == null && groupCommit != null) {
            groupCommit.insert(new NewTrip(tripId, trip, blob));
            return new Insert.Stored(tripId);
        }
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement ps =
                        c.prepareStatement(
                                idempotencyKey == null ? INSERT : INSERT_UNLESS_KEY_EXISTS)) {
                    bind(ps, tripId, trip, blob, idempotencyKey, bodySha256);
                    if (ps.executeUpdate() == 1 || idempotencyKey == null) {
                        return new Insert.Stored(tripId);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(SELECT_BY_IDEMPOTENCY_KEY)) {
                    ps.setString(1, idempotencyKey);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            UUID existing = rs.getObject(1, UUID.class);
                            return bodySha256.equals(rs.getString(2))
                                    ? new Insert.Replayed(existing)
                                    : new Insert.Conflict(existing);
                        }
                    }
                }
                // The conflicting row was deleted in between: try again.
            }
            throw new SQLException("idempotency key kept conflicting with vanishing rows");
        }
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
