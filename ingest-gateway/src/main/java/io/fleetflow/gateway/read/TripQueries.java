package io.fleetflow.gateway.read;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.fleetflow.model.TripStatus;
import io.fleetflow.model.registry.RegistryNames;
import io.fleetflow.model.registry.VehicleClass;
import io.fleetflow.model.schema.SamplePartitions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Trips: the filtered, keyset-paginated list and one trip with its events ({@link
 * TripSampleQueries}: its samples).
 */
public final class TripQueries {

    public static final int MAX_LIMIT = 200;

    private static final String SELECT =
            "SELECT t.id, t.vehicle_id, t.driver_id, t.started_at, t.received_at, t.status,"
                    + " t.failure_reason, t.sample_count, t.updated_at, t.completed_at, t.published_at,"
                    + " s.safety_score, s.harsh_braking_count, s.rapid_accel_count, s.harsh_cornering_count,"
                    + " s.speeding_count, s.distance_km, s.duration_s, s.scoring_version,"
                    + " s.speeding_seconds, s.moving_s, s.max_speed_kmh, s.avg_speed_kmh,"
                    + " s.crash_count, s.mount_yaw_deg, s.crash_detection,"
                    + " rd.name AS driver_name, rv.name AS vehicle_name,"
                    + " coalesce(rv.vehicle_class, '"
                    + VehicleClass.DEFAULT.wireName()
                    + "') AS vehicle_class";

    private static final String FROM =
            " FROM telemetry.trip_logs t LEFT JOIN telemetry.driver_scores s ON s.trip_id = t.id"
                    + " LEFT JOIN "
                    + RegistryNames.DRIVERS
                    + " rd ON rd.driver_id = t.driver_id LEFT JOIN "
                    + RegistryNames.VEHICLES
                    + " rv ON rv.vehicle_id = t.vehicle_id";

    private static final String COLUMNS = SELECT + FROM;

    /**
     * One trip, and whether its samples are still stored: retention drops them by week (docs/
     * storage.md). The probe names the samples' whole key, so it reads one partition's index.
     */
    private static final String DETAIL =
            SELECT
                    + ", EXISTS (SELECT 1 FROM "
                    + SamplePartitions.TABLE
                    + " b WHERE b.trip_id = t.id AND b.received_at = t.received_at)"
                    + " AS samples_available"
                    + FROM
                    + " WHERE t.id = ?";

    /** List filters; {@code null} means "any". */
    public record Filter(
            UUID driverId,
            UUID vehicleId,
            String status,
            Instant from,
            Instant to,
            int limit,
            TripCursor after) {}

    /**
     * @param driverName the registered name, {@code null} for an unregistered driver
     * @param vehicleName the registered name, {@code null} for an unregistered vehicle
     * @param vehicleClass the registered class, {@link VehicleClass#DEFAULT} when unregistered
     */
    public record Summary(
            UUID tripId,
            UUID vehicleId,
            String vehicleName,
            String vehicleClass,
            UUID driverId,
            String driverName,
            Instant startedAt,
            Instant receivedAt,
            String status,
            String failureReason,
            int sampleCount,
            Integer safetyScore,
            Integer harshBrakingCount,
            Integer rapidAccelCount,
            Integer harshCorneringCount,
            Integer speedingCount,
            Integer crashCount,
            Double distanceKm,
            Double durationS) {}

    public record Page(List<Summary> items, String nextCursor) {}

    public record StatusChange(String status, Instant at) {}

    public record Detail(
            @JsonUnwrapped Summary summary,
            boolean samplesAvailable,
            Instant updatedAt,
            Instant completedAt,
            String scoringVersion,
            Double speedingSeconds,
            Double movingS,
            Double maxSpeedKmh,
            Double avgSpeedKmh,
            Double mountYawDeg,
            Boolean crashDetection,
            List<TripEvents.Event> events,
            List<StatusChange> statusHistory) {}

    private final DataSource dataSource;

    public TripQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Page list(Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (f.driverId() != null) {
            sql.append(" AND t.driver_id = ?");
            params.add(f.driverId());
        }
        if (f.vehicleId() != null) {
            sql.append(" AND t.vehicle_id = ?");
            params.add(f.vehicleId());
        }
        if (f.status() != null) {
            sql.append(" AND t.status = ?");
            params.add(f.status());
        }
        if (f.from() != null) {
            sql.append(" AND t.started_at >= ?");
            params.add(OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" AND t.started_at < ?");
            params.add(OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        if (f.after() != null) {
            sql.append(" AND (t.received_at, t.id) < (?, ?)");
            params.add(OffsetDateTime.ofInstant(f.after().receivedAt(), ZoneOffset.UTC));
            params.add(f.after().tripId());
        }
        sql.append(" ORDER BY t.received_at DESC, t.id DESC LIMIT ?");
        params.add(f.limit() + 1);
        List<Summary> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(summary(rs));
                }
            }
        }
        if (items.size() <= f.limit()) {
            return new Page(items, null);
        }
        List<Summary> page = items.subList(0, f.limit());
        Summary last = page.get(page.size() - 1);
        return new Page(
                List.copyOf(page), new TripCursor(last.receivedAt(), last.tripId()).encode());
    }

    public Optional<Detail> detail(UUID tripId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Detail detail;
            try (PreparedStatement ps = c.prepareStatement(DETAIL)) {
                ps.setObject(1, tripId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Summary summary = summary(rs);
                    detail =
                            new Detail(
                                    summary,
                                    rs.getBoolean("samples_available"),
                                    Rows.instant(rs, "updated_at"),
                                    Rows.instant(rs, "completed_at"),
                                    rs.getString("scoring_version"),
                                    Rows.decimal(rs, "speeding_seconds"),
                                    Rows.decimal(rs, "moving_s"),
                                    Rows.decimal(rs, "max_speed_kmh"),
                                    Rows.decimal(rs, "avg_speed_kmh"),
                                    Rows.decimal(rs, "mount_yaw_deg"),
                                    Rows.bool(rs, "crash_detection"),
                                    TripEvents.of(c, tripId),
                                    history(
                                            summary,
                                            Rows.instant(rs, "published_at"),
                                            Rows.instant(rs, "completed_at"),
                                            Rows.instant(rs, "updated_at")));
                }
            }
            return Optional.of(detail);
        }
    }

    /**
     * What the trip went through, from its timestamps: PENDING when received, QUEUED when its id
     * reached the broker, then COMPLETED (or FAILED, at its last update).
     */
    static List<StatusChange> history(
            Summary trip, Instant publishedAt, Instant completedAt, Instant updatedAt) {
        List<StatusChange> changes = new ArrayList<>();
        changes.add(new StatusChange(TripStatus.PENDING.name(), trip.receivedAt()));
        if (publishedAt != null) {
            changes.add(new StatusChange("QUEUED", publishedAt));
        }
        TripStatus status = TripStatus.valueOf(trip.status());
        switch (status) {
            case PROCESSING, FAILED -> changes.add(new StatusChange(status.name(), updatedAt));
            case COMPLETED ->
                    changes.add(
                            new StatusChange(
                                    status.name(), completedAt != null ? completedAt : updatedAt));
            case PENDING -> {}
        }
        return changes;
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(
                rs.getObject("id", UUID.class),
                rs.getObject("vehicle_id", UUID.class),
                rs.getString("vehicle_name"),
                rs.getString("vehicle_class"),
                rs.getObject("driver_id", UUID.class),
                rs.getString("driver_name"),
                Rows.instant(rs, "started_at"),
                Rows.instant(rs, "received_at"),
                rs.getString("status"),
                rs.getString("failure_reason"),
                rs.getInt("sample_count"),
                Rows.integer(rs, "safety_score"),
                Rows.integer(rs, "harsh_braking_count"),
                Rows.integer(rs, "rapid_accel_count"),
                Rows.integer(rs, "harsh_cornering_count"),
                Rows.integer(rs, "speeding_count"),
                Rows.integer(rs, "crash_count"),
                Rows.decimal(rs, "distance_km"),
                Rows.decimal(rs, "duration_s"));
    }
}
