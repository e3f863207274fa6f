package io.fleetflow.job.lookup;

import io.fleetflow.model.registry.RegistryNames;
import io.fleetflow.model.review.ReviewNames;
import io.fleetflow.model.review.ReviewStatus;
import io.fleetflow.model.schema.SamplePartitions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fetches a group of trips' blobs and marks them {@code PROCESSING} in one statement (a row locked
 * by another transaction at that moment is returned but not marked). A trip that is already {@code
 * COMPLETED} or {@code FAILED} keeps its status but is still returned: it is a redelivery after a
 * restore, and scoring it again is idempotent in the sinks and needed by the driver statistics,
 * whose state was rolled back to the checkpoint.
 */
final class TripClaimQuery {

    // The samples are read by their whole key in a subquery: the trip's received_at, a parameter
    // of the subquery, picks the one weekly partition to probe at execution time (a join would let
    // the planner probe every partition by trip_id). A trip whose samples retention dropped comes
    // back with a null blob.
    // The vehicle's registered class comes in the same round trip, by its primary key; null for a
    // vehicle nobody registered (scored as the default class).
    // The SELECT sees the rows as they were before the UPDATE (one snapshot for the statement), so
    // "finished" tells a redelivery of a completed trip from a trip claimed now.
    // SKIP LOCKED: a row another transaction holds (the gateway marking a batch of trips published)
    // is not marked now rather than waited for; the mark is advisory, and a group claim that waited
    // while holding other rows' locks could deadlock with such a batch.
    private static final String CLAIM =
            "WITH free AS (SELECT id FROM telemetry.trip_logs WHERE id = ANY(?)"
                    + " AND status IN ('PENDING', 'PROCESSING') ORDER BY id FOR UPDATE SKIP LOCKED),"
                    + " claimed AS (UPDATE telemetry.trip_logs t SET status = 'PROCESSING', updated_at = now()"
                    + " FROM free WHERE t.id = free.id RETURNING t.id)"
                    + " SELECT t.id, t.driver_id::text, t.vehicle_id::text, t.started_at,"
                    + " (SELECT "
                    + SamplePartitions.STORED_BLOB
                    + " FROM "
                    + SamplePartitions.TABLE
                    + " s WHERE s.trip_id = t.id AND s.received_at = t.received_at),"
                    + " t.status IN ('COMPLETED', 'FAILED') AS finished,"
                    + " (SELECT v.vehicle_class FROM "
                    + RegistryNames.VEHICLES
                    + " v WHERE v.vehicle_id = t.vehicle_id) AS vehicle_class,"
                    + dismissed("event_type")
                    + ","
                    + dismissed("start_ms")
                    + ","
                    + dismissed("end_ms")
                    + " FROM telemetry.trip_logs t WHERE t.id = ANY(?)";

    /** One column of the trip's dismissed reviews, as an array in the order of their seq. */
    private static String dismissed(String column) {
        return " (SELECT coalesce(array_agg(r."
                + column
                + " ORDER BY r.seq), '{}') FROM "
                + ReviewNames.EVENT_REVIEWS
                + " r WHERE r.trip_id = t.id AND r.status = '"
                + ReviewStatus.DISMISSED.wireName()
                + "')";
    }

    /** What the database said about a trip id. */
    enum Kind {
        CLAIMED,
        ALREADY_FINISHED
    }

    /** A found trip; {@code trip} is a fresh object for each call of {@link #trip}. */
    record Outcome(
            Kind kind,
            String tripId,
            String driverId,
            String vehicleId,
            long startedAtMs,
            byte[] blob,
            String vehicleClass,
            String[] dismissedTypes,
            long[] dismissedStartMs,
            long[] dismissedEndMs) {

        /**
         * Retention dropped the trip's samples (only ever a finished trip's, see docs/storage.md).
         */
        boolean samplesDropped() {
            return blob == null;
        }

        LookedUpTrip trip() {
            LookedUpTrip trip = LookedUpTrip.found(tripId, driverId, vehicleId, startedAtMs, blob);
            trip.vehicleClass = vehicleClass;
            trip.dismissedTypes = dismissedTypes;
            trip.dismissedStartMs = dismissedStartMs;
            trip.dismissedEndMs = dismissedEndMs;
            return trip;
        }
    }

    private TripClaimQuery() {}

    private static long[] longs(java.sql.Array array) throws SQLException {
        Long[] boxed = (Long[]) array.getArray();
        long[] out = new long[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** The outcome of every id that has a row; ids without one are absent from the map. */
    static Map<UUID, Outcome> claim(DataSource dataSource, Collection<UUID> tripIds)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLAIM)) {
            UUID[] ids = tripIds.toArray(UUID[]::new);
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setArray(2, c.createArrayOf("uuid", ids));
            Map<UUID, Outcome> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    found.put(
                            id,
                            new Outcome(
                                    rs.getBoolean(6) ? Kind.ALREADY_FINISHED : Kind.CLAIMED,
                                    id.toString(),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getTimestamp(4).getTime(),
                                    // the text column's bytes as sent: the decoder reads UTF-8;
                                    // null when the samples were dropped
                                    rs.getBytes(5),
                                    rs.getString(7),
                                    (String[]) rs.getArray(8).getArray(),
                                    longs(rs.getArray(9)),
                                    longs(rs.getArray(10))));
                }
            }
            return found;
        }
    }
}
