package io.fleetflow.gateway.read;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fleetflow.model.registry.RegistryNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Per-driver aggregates for the leaderboard and the driver page: trips from {@code trip_logs};
 * scores, distance, events and the per-day history from {@code driver_daily} (kept by triggers on
 * {@code driver_scores}); the last scores from {@code driver_scores}; the rolling score from the
 * job's {@code driver_stats}.
 */
public final class DriverQueries {

    /** Sort keys accepted by the list, mapped to the SQL expression they order by. */
    public static final Map<String, String> SORTS =
            Map.of(
                    "score", "avg_score",
                    "harsh_braking", "hb_rate",
                    "rapid_acceleration", "ra_rate",
                    "harsh_cornering", "hc_rate",
                    "speeding", "sp_rate",
                    "crashes", "cr",
                    "distance", "distance_km",
                    "trips", "trips");

    static final int MAX_DRIVERS = 500;

    /**
     * Trips without a score: unfinished, or failed (a trip is COMPLETED in the statement that
     * writes its score). Few, found by the partial indexes trip_logs_unfinished_received_idx and
     * trip_logs_failed_idx; the lists add them to the scored trips of the aggregates.
     */
    static final String UNSCORED = "(completed_at IS NULL OR failure_reason IS NOT NULL)";

    // Each driver's all-time row (driver_daily_total, docs/reads.md) joined once to its unscored
    // trips, ranked and cut to MAX_DRIVERS; then each listed driver's rolling score, name and last
    // 20 scores (20 entries of driver_scores_driver_at_idx, newest first).
    private static final String AGGREGATES =
            "WITH u AS (SELECT driver_id, count(*) AS trips, max(started_at) AS last_trip_at"
                    + " FROM telemetry.trip_logs WHERE "
                    + UNSCORED
                    + " AND %1$s GROUP BY driver_id),"
                    + " a AS (SELECT coalesce(s.driver_id, u.driver_id) AS driver_id,"
                    + " coalesce(s.trips, 0) + coalesce(u.trips, 0) AS trips,"
                    + " greatest(s.last_trip_at, u.last_trip_at) AS last_trip_at,"
                    + " coalesce(s.distance_km, 0) AS distance_km,"
                    + " s.score_sum::numeric / s.trips AS avg_score,"
                    + " coalesce(s.harsh_braking_count, 0) AS hb, coalesce(s.rapid_accel_count, 0) AS ra,"
                    + " coalesce(s.harsh_cornering_count, 0) AS hc, coalesce(s.speeding_count, 0) AS sp,"
                    + " coalesce(s.crash_count, 0) AS cr,"
                    + rate("harsh_braking_count", "hb_rate")
                    + ","
                    + rate("rapid_accel_count", "ra_rate")
                    + ","
                    + rate("harsh_cornering_count", "hc_rate")
                    + ","
                    + rate("speeding_count", "sp_rate")
                    + " FROM (SELECT * FROM telemetry.driver_daily WHERE day = '-infinity' AND %1$s) s"
                    + " FULL JOIN u ON u.driver_id = s.driver_id),"
                    + " l AS (SELECT * FROM a ORDER BY %2$s %3$s NULLS LAST, driver_id LIMIT "
                    + MAX_DRIVERS
                    + ")"
                    + " SELECT l.*, ds.rolling_score, (SELECT array_agg(x.safety_score ORDER BY x.at, x.trip_id) FROM"
                    + " (SELECT safety_score, coalesce(started_at, scored_at) AS at, trip_id"
                    + " FROM telemetry.driver_scores d WHERE d.driver_id = l.driver_id"
                    + " ORDER BY coalesce(started_at, scored_at) DESC, trip_id DESC LIMIT 20) x) AS trend,"
                    + " r.name AS driver_name, r.external_ref, r.active"
                    + " FROM l LEFT JOIN telemetry.driver_stats ds ON ds.driver_id = l.driver_id"
                    + " LEFT JOIN "
                    + RegistryNames.DRIVERS
                    + " r ON r.driver_id = l.driver_id ORDER BY %2$s %3$s NULLS LAST, l.driver_id";

    /** Events of one kind per 100 km of the all-time row {@code s}; null without distance. */
    private static String rate(String count, String alias) {
        return " CASE WHEN s.distance_km > 0 THEN s."
                + count
                + " * 100.0 / s.distance_km END AS "
                + alias;
    }

    private static final String REGISTERED =
            "SELECT name, external_ref, active FROM "
                    + RegistryNames.DRIVERS
                    + " WHERE driver_id = ?";

    private static final String HISTORY =
            "SELECT day, trips, score_sum::numeric / trips AS avg_score FROM telemetry.driver_daily"
                    + " WHERE driver_id = ? AND day >= (now() AT TIME ZONE 'UTC')::date - 29 ORDER BY day";

    /**
     * @param driverName the registered name, {@code null} for an unregistered driver
     */
    public record Driver(
            UUID driverId,
            String driverName,
            long trips,
            double distanceKm,
            Double avgScore,
            Integer rollingScore,
            @JsonProperty("events_per_100km") Map<String, Double> eventsPer100km,
            long crashes,
            Instant lastTripAt,
            List<Integer> scoreTrend) {}

    public record Day(LocalDate date, long trips, Double avgScore) {}

    /**
     * @param externalRef the registered reference, {@code null} when none or unregistered
     * @param active whether the registered driver is active, {@code null} when unregistered
     */
    public record DriverDetail(
            UUID driverId,
            String driverName,
            String externalRef,
            Boolean active,
            long trips,
            double distanceKm,
            Double avgScore,
            Integer rollingScore,
            @JsonProperty("events_per_100km") Map<String, Double> eventsPer100km,
            long crashes,
            Instant lastTripAt,
            List<Integer> scoreTrend,
            List<Day> scoreHistory,
            Map<String, Long> eventCounts) {}

    private final DataSource dataSource;

    public DriverQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param search prefix of the driver id, or a part of the registered name, any case; {@code
     *     null} or blank for all drivers
     * @param sort a key of {@link #SORTS}
     */
    public List<Driver> list(String search, String sort, boolean ascending) throws SQLException {
        String expression = SORTS.get(sort);
        if (expression == null) {
            throw new IllegalArgumentException("unknown sort " + sort);
        }
        String text = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        // An id prefix (only UUID characters can start one) or a part of a registered name.
        boolean maybeId = text.matches("[0-9a-f-]*");
        List<String> params = new ArrayList<>();
        String where = "TRUE";
        if (!text.isEmpty()) {
            String byName =
                    "driver_id IN (SELECT driver_id FROM "
                            + RegistryNames.DRIVERS
                            + " WHERE lower(name) LIKE ? ESCAPE '\\')";
            where = maybeId ? "(driver_id::text LIKE ? OR " + byName + ")" : byName;
            for (int cte = 0; cte < 2; cte++) {
                if (maybeId) {
                    params.add(text + "%");
                }
                params.add("%" + text.replaceAll("([\\\\%_])", "\\\\$1") + "%");
            }
        }
        String sql = String.format(AGGREGATES, where, expression, ascending ? "ASC" : "DESC");
        List<Driver> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(DriverRows.driver(rs));
                }
            }
        }
        return items;
    }

    public Optional<DriverDetail> detail(UUID driverId) throws SQLException {
        String sql = String.format(AGGREGATES, "driver_id = ?", "driver_id", "ASC");
        try (Connection c = dataSource.getConnection()) {
            Driver d;
            long hb, ra, hc, sp;
            String externalRef;
            Boolean active;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 1; i <= 2; i++) {
                    ps.setObject(i, driverId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return registeredWithoutTrips(c, driverId);
                    }
                    d = DriverRows.driver(rs);
                    externalRef = rs.getString("external_ref");
                    active = rs.getObject("active", Boolean.class);
                    hb = rs.getLong("hb");
                    ra = rs.getLong("ra");
                    hc = rs.getLong("hc");
                    sp = rs.getLong("sp");
                }
            }
            List<Day> history = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(HISTORY)) {
                ps.setObject(1, driverId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        history.add(
                                new Day(
                                        rs.getObject("day", LocalDate.class),
                                        rs.getLong("trips"),
                                        Rows.decimal(rs, "avg_score")));
                    }
                }
            }
            return Optional.of(
                    new DriverDetail(
                            d.driverId(),
                            d.driverName(),
                            externalRef,
                            active,
                            d.trips(),
                            d.distanceKm(),
                            d.avgScore(),
                            d.rollingScore(),
                            d.eventsPer100km(),
                            d.crashes(),
                            d.lastTripAt(),
                            d.scoreTrend(),
                            history,
                            Rows.eventCounts(hb, ra, hc, sp)));
        }
    }

    /** A registered driver with no trips yet: the registration and zero statistics. */
    private static Optional<DriverDetail> registeredWithoutTrips(Connection c, UUID driverId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REGISTERED)) {
            ps.setObject(1, driverId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(
                        new DriverDetail(
                                driverId,
                                rs.getString("name"),
                                rs.getString("external_ref"),
                                rs.getBoolean("active"),
                                0,
                                0,
                                null,
                                null,
                                Rows.eventRates(0, 0, 0, 0, 0),
                                0,
                                null,
                                List.of(),
                                List.of(),
                                Rows.eventCounts(0, 0, 0, 0)));
            }
        }
    }
}
