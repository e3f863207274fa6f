package io.fleetflow.model.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * The one-time move of a database made before the samples were split off: {@code
 * telemetry.trip_logs.telemetry_blob} is copied into the weekly partitions of {@code
 * telemetry.trip_samples} (created to cover every trip's {@code received_at}) and the column is
 * dropped. Runs inside {@link SchemaInitializer}'s transaction: all or nothing, and a second start
 * finds nothing to do. See docs/storage.md for the time it takes and the space it gives back.
 */
final class SampleStorageUpgrade {

    private static final String OLD_COLUMN =
            "SELECT 1 FROM pg_attribute WHERE attrelid = 'telemetry.trip_logs'::regclass"
                    + " AND attname = 'telemetry_blob' AND NOT attisdropped";

    private SampleStorageUpgrade() {}

    /** Moves the samples if the old column is there; returns the number of trips moved. */
    static long apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(OLD_COLUMN)) {
                if (!rs.next()) {
                    return 0;
                }
            }
            try (ResultSet rs =
                    s.executeQuery(
                            "SELECT min(received_at), max(received_at) FROM telemetry.trip_logs")) {
                rs.next();
                Timestamp first = rs.getTimestamp(1);
                if (first != null) {
                    SamplePartitionMaintenance.create(
                            c,
                            SamplePartitions.missing(
                                    SamplePartitions.covering(
                                            first.toInstant(), rs.getTimestamp(2).toInstant()),
                                    SamplePartitionMaintenance.existing(c)));
                }
            }
            long moved =
                    s.executeUpdate(
                            "INSERT INTO "
                                    + SamplePartitions.TABLE
                                    + " (trip_id, received_at, telemetry_blob)"
                                    + " SELECT id, received_at, telemetry_blob FROM telemetry.trip_logs");
            s.execute("ALTER TABLE telemetry.trip_logs DROP COLUMN telemetry_blob");
            return moved;
        }
    }
}
