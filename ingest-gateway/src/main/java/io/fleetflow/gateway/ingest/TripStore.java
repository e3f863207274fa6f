package io.fleetflow.gateway.ingest;

import io.fleetflow.model.TripPayload;
import io.fleetflow.model.schema.SamplePartitions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Inserts accepted trips into {@code telemetry.trip_logs} as {@code PENDING}, with their
 * idempotency key, and their blob (format 2, {@code TripBlobCodec}) into {@code
 * telemetry.trip_samples.telemetry_bin}. Made with {@link #withGroupCommit}, new trips without an
 * idempotency key are committed together with those of concurrent requests (see {@link
 * GroupCommitWriter}).
 */
public final class TripStore implements AutoCloseable {

    private static final String INSERT_TRIP =
            "INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at, sample_count,"
                    + " idempotency_key, body_sha256)"
                    + " VALUES (?, ?, ?, ?::timestamptz, ?, ?, ?)";

    /**
     * The trip's row and its samples' row in one statement: the samples take the trip's {@code
     * received_at} (their partition key) from its {@code RETURNING}, and a trip the conflict clause
     * skipped adds no samples.
     */
    private static final String WITH_SAMPLES =
            " RETURNING id, received_at) INSERT INTO "
                    + SamplePartitions.TABLE
                    + " (trip_id, received_at, telemetry_bin) SELECT id, received_at, ? FROM t";

    private static final String INSERT = "WITH t AS (" + INSERT_TRIP + WITH_SAMPLES;

    /**
     * Only for trips with an idempotency key: {@code ON CONFLICT} makes PostgreSQL insert
     * speculatively (check the key index, insert, confirm), which a plain insert does not pay.
     */
    private static final String INSERT_UNLESS_KEY_EXISTS =
            "WITH t AS ("
                    + INSERT_TRIP
                    + " ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING"
                    + WITH_SAMPLES;

    private static final String SELECT_BY_IDEMPOTENCY_KEY =
            "SELECT id, body_sha256 FROM telemetry.trip_logs WHERE idempotency_key = ?";

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
            byte[] blob,
            String idempotencyKey,
            String bodySha256)
            throws SQLException {
        ps.setObject(1, tripId);
        ps.setObject(2, trip.vehicleId());
        ps.setObject(3, trip.driverId());
        // As ISO-8601 text: the driver's OffsetDateTime path goes through a Calendar.
        ps.setString(4, trip.startedAt().toString());
        ps.setInt(5, trip.samples().size());
        ps.setString(6, idempotencyKey);
        ps.setString(7, bodySha256);
        ps.setBytes(8, blob);
    }

    /** Stops group commit after committing what is waiting; nothing to do otherwise. */
    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
    }

    /** Commits a new trip as {@code PENDING}. */
    public void insert(UUID tripId, TripPayload trip, byte[] blob) throws SQLException {
        Insert outcome = insert(tripId, trip, blob, null, null);
        if (!(outcome instanceof Insert.Stored)) {
            throw new IllegalStateException("a trip without idempotency key cannot conflict");
        }
    }

    /** What {@link #insert(UUID, TripPayload, byte[], String, String)} did. */
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
            UUID tripId, TripPayload trip, byte[] blob, String idempotencyKey, String bodySha256)
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
}
