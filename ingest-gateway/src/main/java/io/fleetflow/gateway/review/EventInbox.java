package io.fleetflow.gateway.review;

import io.fleetflow.model.registry.RegistryNames;
import io.fleetflow.model.review.ReviewNames;
import io.fleetflow.model.review.ReviewStatus;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The safety inbox list: detected events, newest trip first (then trip id and seq, descending),
 * with the trip's driver and vehicle, their registry names and the event's current review status,
 * keyset-paginated by an opaque cursor like the trips list.
 */
public final class EventInbox {

    public static final int MAX_LIMIT = 500;

    /**
     * The filters; null means any. {@code from} (inclusive) and {@code to} (exclusive) bound the
     * event's start time: the trip's start plus the event's {@code start_ms}.
     */
    public record Filter(
            ReviewStatus status,
            UUID driverId,
            UUID vehicleId,
            UUID tripId,
            String type,
            String severity,
            Instant from,
            Instant to,
            Cursor after,
            int limit) {}

    /** One inbox row. */
    public record Item(
            UUID tripId,
            int seq,
            String eventType,
            String severity,
            double peak,
            long startMs,
            long endMs,
            Instant tripStartedAt,
            Instant startedAt,
            UUID driverId,
            String driverName,
            UUID vehicleId,
            String vehicleName,
            String status) {}

    public record Page(List<Item> items, String nextCursor) {}

    /** The last row of a page: its trip's start, trip id and seq. */
    public record Cursor(Instant startedAt, UUID tripId, int seq) {

        public String encode() {
            String raw =
                    startedAt.getEpochSecond()
                            + ":"
                            + startedAt.getNano()
                            + ":"
                            + tripId
                            + ":"
                            + seq;
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * @throws IllegalArgumentException when the text is not a cursor this class wrote
         */
        public static Cursor decode(String text) {
            try {
                String[] p =
                        new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8)
                                .split(":", 4);
                if (p.length != 4) {
                    throw new IllegalArgumentException("malformed cursor");
                }
                return new Cursor(
                        Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong(p[1])),
                        UUID.fromString(p[2]),
                        Integer.parseInt(p[3]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("malformed cursor", e);
            }
        }
    }

    private static final String COLUMNS =
            "SELECT e.trip_id, e.seq, e.event_type, e.severity, e.peak, e.start_ms, e.end_ms,"
                    + " t.started_at, t.driver_id, t.vehicle_id, d.name AS driver_name,"
                    + " v.name AS vehicle_name, coalesce(r.status, '"
                    + ReviewStatus.DEFAULT.wireName()
                    + "') AS status FROM telemetry.trip_events e"
                    + " JOIN telemetry.trip_logs t ON t.id = e.trip_id"
                    + " LEFT JOIN "
                    + ReviewNames.EVENT_REVIEWS
                    + " r ON "
                    + ReviewNames.reviewOf("r", "e")
                    + " LEFT JOIN "
                    + RegistryNames.DRIVERS
                    + " d ON d.driver_id = t.driver_id"
                    + " LEFT JOIN "
                    + RegistryNames.VEHICLES
                    + " v ON v.vehicle_id = t.vehicle_id";

    private final DataSource dataSource;

    public EventInbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Events start at or after their trip's start, and at most the longest event offset after it.
     * That offset is read from {@code trip_events_late_start_idx} (sql/init.sql), a partial index
     * of the events that start at least this many ms into their trip (few: trips are mostly
     * shorter), so a time range bounds the trip's start on both sides and the trips' start indexes
     * serve it. The predicate must stay the index's, or PostgreSQL cannot use it.
     */
    static final long LATE_START_MS = 3_600_000;

    private static final String EVENT_TIME = "t.started_at + e.start_ms * interval '1 millisecond'";

    private static final String LONGEST_OFFSET =
            "(SELECT greatest("
                    + LATE_START_MS
                    + ", max(start_ms)) FROM telemetry.trip_events WHERE start_ms >= "
                    + LATE_START_MS
                    + ") * interval '1 millisecond'";

    /** One SELECT and its parameters, in order. */
    record Statement(String sql, List<Object> params) {}

    /** The list's statement for a filter (package-private for the EXPLAIN checks). */
    static Statement statement(Filter f) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        // With a reviewed status the order is the review's copy of it (the same values: trip
        // start, trip id, seq), which event_reviews_status_started_idx walks newest first.
        boolean byReview = f.status() != null && f.status() != ReviewStatus.DEFAULT;
        String order =
                byReview ? "r.trip_started_at, r.trip_id, r.seq" : "t.started_at, e.trip_id, e.seq";
        if (f.status() != null) {
            // Not coalesce(): "r.status = ?" lets the planner start from the few reviewed rows
            // (event_reviews_status_idx) instead of scanning every event (docs/safety-inbox.md).
            // The default status as an anti-join: "r.status IS NULL OR ..." after the outer join
            // was estimated at one row, and the plan joined every event before sorting (12 s at
            // 1,000,000 events); NOT EXISTS walks the trips newest first (1.5 ms; docs/reads.md).
            sql.append(
                    f.status() == ReviewStatus.DEFAULT
                            ? " AND NOT EXISTS (SELECT 1 FROM "
                                    + ReviewNames.EVENT_REVIEWS
                                    + " x WHERE "
                                    + ReviewNames.reviewOf("x", "e")
                                    + " AND x.status <> ?)"
                            : " AND r.status = ?");
            params.add(f.status().wireName());
        }
        if (f.driverId() != null) {
            sql.append(" AND t.driver_id = ?");
            params.add(f.driverId());
        }
        if (f.vehicleId() != null) {
            sql.append(" AND t.vehicle_id = ?");
            params.add(f.vehicleId());
        }
        if (f.tripId() != null) {
            sql.append(" AND e.trip_id = ?");
            params.add(f.tripId());
        }
        if (f.type() != null) {
            sql.append(" AND e.event_type = ?");
            params.add(f.type());
        }
        if (f.severity() != null) {
            sql.append(" AND e.severity = ?");
            params.add(f.severity());
        }
        if (f.from() != null) {
            OffsetDateTime from = OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC);
            sql.append(" AND ").append(EVENT_TIME).append(" >= ?");
            sql.append(" AND t.started_at >= ?::timestamptz - ").append(LONGEST_OFFSET);
            params.add(from);
            params.add(from);
        }
        if (f.to() != null) {
            OffsetDateTime to = OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC);
            sql.append(" AND ").append(EVENT_TIME).append(" < ?");
            // Implied by the line above (start_ms >= 0), written out for the index.
            sql.append(" AND t.started_at < ?");
            params.add(to);
            params.add(to);
        }
        if (f.after() != null) {
            sql.append(" AND (").append(order).append(") < (?, ?, ?)");
            params.add(OffsetDateTime.ofInstant(f.after().startedAt(), ZoneOffset.UTC));
            params.add(f.after().tripId());
            params.add(f.after().seq());
        }
        sql.append(" ORDER BY ").append(order.replace(",", " DESC,")).append(" DESC LIMIT ?");
        params.add(f.limit() + 1);
        return new Statement(sql.toString(), params);
    }

    public Page list(Filter f) throws SQLException {
        Statement statement = statement(f);
        List<Item> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.params().size(); i++) {
                ps.setObject(i + 1, statement.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant tripStart = rs.getTimestamp("started_at").toInstant();
                    long startMs = rs.getLong("start_ms");
                    items.add(
                            new Item(
                                    rs.getObject("trip_id", UUID.class),
                                    rs.getInt("seq"),
                                    rs.getString("event_type"),
                                    rs.getString("severity"),
                                    rs.getDouble("peak"),
                                    startMs,
                                    rs.getLong("end_ms"),
                                    tripStart,
                                    tripStart.plusMillis(startMs),
                                    rs.getObject("driver_id", UUID.class),
                                    rs.getString("driver_name"),
                                    rs.getObject("vehicle_id", UUID.class),
                                    rs.getString("vehicle_name"),
                                    rs.getString("status")));
                }
            }
        }
        if (items.size() <= f.limit()) {
            return new Page(items, null);
        }
        List<Item> page = items.subList(0, f.limit());
        Item last = page.get(page.size() - 1);
        return new Page(
                List.copyOf(page),
                new Cursor(last.tripStartedAt(), last.tripId(), last.seq()).encode());
    }
}
