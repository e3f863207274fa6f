package io.fleetflow.gateway.read;

import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.model.schema.SamplePartitions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** A trip's stored samples, for its chart (docs/read-api.md). */
public final class TripSampleQueries {

    /**
     * A subquery, not a join: its parameter, the trip's received_at, picks the one partition to
     * probe at execution time; null when retention dropped the samples.
     */
    private static final String BLOB =
            "SELECT (SELECT "
                    + SamplePartitions.STORED_BLOB
                    + " FROM "
                    + SamplePartitions.TABLE
                    + " s WHERE s.trip_id = t.id AND s.received_at = t.received_at)"
                    + " FROM telemetry.trip_logs t WHERE t.id = ?";

    private final DataSource dataSource;

    public TripSampleQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A trip's stored samples: {@code samples} is null when retention dropped them; no {@code
     * StoredSamples} at all for an unknown trip.
     */
    public record StoredSamples(TripSamples samples) {
        public boolean dropped() {
            return samples == null;
        }
    }

    /** The trip's samples as stored, or empty for an unknown trip. */
    public Optional<StoredSamples> samples(UUID tripId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(BLOB)) {
            ps.setObject(1, tripId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] blob = rs.getBytes(1);
                return Optional.of(
                        new StoredSamples(blob == null ? null : TripBlobCodec.decode(blob)));
            }
        }
    }
}
