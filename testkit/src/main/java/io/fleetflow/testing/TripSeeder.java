package io.fleetflow.testing;

import io.fleetflow.model.TripPayload;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.model.ingest.ReadResult;
import io.fleetflow.model.ingest.TripPayloadReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Puts trips into {@code telemetry.trip_logs} and their samples into {@code telemetry.trip_samples}
 * as the gateway stores an accepted trip: {@code PENDING}, with the compact blob, no idempotency
 * key. For tests of the job that need trips waiting to be scored without running a gateway.
 */
public final class TripSeeder {

    private static final String INSERT =
            "WITH t AS (INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at,"
                    + " sample_count) VALUES (?, ?, ?, ?::timestamptz, ?) RETURNING id, received_at)"
                    + " INSERT INTO telemetry.trip_samples (trip_id, received_at, telemetry_bin)"
                    + " SELECT id, received_at, ? FROM t";

    private final DataSource dataSource;

    public TripSeeder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads a trip body as the gateway does; fails if the body is not a valid trip. */
    public static TripPayload parse(String json) {
        try {
            ReadResult read =
                    new TripPayloadReader()
                            .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            if (read.payload() == null) {
                throw new IllegalArgumentException("not a valid trip: " + read.errors());
            }
            return read.payload();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stores a trip body under a new id and returns the id. */
    public UUID store(String json) throws SQLException {
        return store(parse(json));
    }

    /** Stores a trip under a new id and returns the id. */
    public UUID store(TripPayload trip) throws SQLException {
        UUID id = UUID.randomUUID();
        store(id, trip);
        return id;
    }

    /** Stores a trip under the given id. */
    public void store(UUID id, TripPayload trip) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, id);
            ps.setObject(2, trip.vehicleId());
            ps.setObject(3, trip.driverId());
            ps.setString(4, trip.startedAt().toString());
            ps.setInt(5, trip.samples().size());
            ps.setBytes(6, TripBlobCodec.encode(trip.samples()));
            ps.executeUpdate();
        }
    }
}
