package io.fleetflow.gateway.read;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fleetflow.model.registry.RegistryNames;
import io.fleetflow.model.registry.VehicleClass;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fleet-wide reads: the overview's summary over a window of UTC days and the vehicles list. Days
 * and the window are by the trip's start time.
 */
public final class FleetQueries {

    private static final String DAILY =
            "WITH bounds AS (SELECT (now() AT TIME ZONE 'UTC')::date - (?::int - 1) AS first_day,"
                    + " (now() AT TIME ZONE 'UTC')::date AS last_day),"
                    + " days AS (SELECT generate_series(first_day, last_day, interval '1 day')::date AS day"
                    + " FROM bounds),"
                    + " t AS (SELECT (l.started_at AT TIME ZONE 'UTC')::date AS day, l.driver_id, l.vehicle_id,"
                    + " s.safety_score, s.distance_km, s.harsh_braking_count AS hb, s.rapid_accel_count AS ra,"
                    + " s.harsh_cornering_count AS hc, s.speeding_count AS sp"
                    + " FROM telemetry.trip_logs l LEFT JOIN telemetry.driver_scores s ON s.trip_id = l.id,"
                    + " bounds b WHERE l.started_at >= (b.first_day::timestamp AT TIME ZONE 'UTC')"
                    + " AND l.started_at < ((b.last_day + 1)::timestamp AT TIME ZONE 'UTC')),"
                    // The window's vehicles by registered class (unregistered: the default), from
                    // the rows t already holds: one primary-key look-up per distinct vehicle.
                    + " cls AS (SELECT coalesce(r.vehicle_class, '"
                    + VehicleClass.DEFAULT.wireName()
                    + "') AS cls, count(*) AS n FROM (SELECT DISTINCT vehicle_id FROM t) x LEFT JOIN "
                    + RegistryNames.VEHICLES
                    + " r USING (vehicle_id) GROUP BY 1)"
                    + " SELECT d.day, count(t.day) AS trips, count(t.safety_score) AS scored,"
                    + " coalesce(sum(t.safety_score), 0) AS score_sum,"
                    + " coalesce(sum(t.distance_km), 0) AS distance_km, coalesce(sum(t.hb), 0) AS hb,"
                    + " coalesce(sum(t.ra), 0) AS ra, coalesce(sum(t.hc), 0) AS hc,"
                    + " coalesce(sum(t.sp), 0) AS sp,"
                    + " (SELECT count(DISTINCT driver_id) FROM t) AS drivers,"
                    + " (SELECT count(DISTINCT vehicle_id) FROM t) AS vehicles,"
                    + " (SELECT array_agg(c.cls ORDER BY c.cls) FROM cls c) AS classes,"
                    + " (SELECT array_agg(c.n ORDER BY c.cls) FROM cls c) AS class_vehicles"
                    + " FROM days d LEFT JOIN t ON t.day = d.day GROUP BY d.day ORDER BY d.day";

    // Per vehicle from each table on its own: trips, drivers and the last start by an index-only
    // scan of trip_logs_vehicle_started_idx (it includes driver_id), distance and score from the
    // vehicle's all-time row of vehicle_daily (docs/reads.md); joining every trip to its score read
    // the whole trip table.
    private static final String VEHICLES =
            "WITH t AS (SELECT vehicle_id, count(*) AS trips, count(DISTINCT driver_id) AS drivers,"
                    + " max(started_at) AS last_trip_at FROM telemetry.trip_logs GROUP BY vehicle_id),"
                    + " s AS (SELECT vehicle_id, distance_km, score_sum::numeric / trips AS avg_score"
                    + " FROM telemetry.vehicle_daily WHERE day = '-infinity')"
                    + " SELECT t.vehicle_id, t.trips, coalesce(s.distance_km, 0) AS distance_km,"
                    + " s.avg_score, t.drivers, t.last_trip_at, r.name AS vehicle_name,"
                    + " coalesce(r.vehicle_class, '"
                    + VehicleClass.DEFAULT.wireName()
                    + "') AS vehicle_class"
                    + " FROM t LEFT JOIN s USING (vehicle_id) LEFT JOIN "
                    + RegistryNames.VEHICLES
                    + " r USING (vehicle_id)"
                    + " ORDER BY t.last_trip_at DESC, t.vehicle_id LIMIT 1000";

    /** One UTC day of the trend. */
    public record Day(LocalDate date, long trips, Double avgScore, double distanceKm) {}

    public record Summary(
            int windowDays,
            long tripsToday,
            long tripsWindow,
            double distanceKmWindow,
            Double fleetScore,
            List<Day> scoreTrend,
            @JsonProperty("events_per_100km") Map<String, Double> eventsPer100km,
            long drivers,
            long vehicles,
            Map<String, Long> vehiclesByClass) {}

    /**
     * @param vehicleName the registered name, {@code null} when unregistered
     * @param vehicleClass the registered class, {@link VehicleClass#DEFAULT} when unregistered
     */
    public record Vehicle(
            UUID vehicleId,
            String vehicleName,
            String vehicleClass,
            long trips,
            double distanceKm,
            Double avgScore,
            long drivers,
            Instant lastTripAt) {}

    private final DataSource dataSource;

    public FleetQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Summary summary(int days) throws SQLException {
        List<Day> trend = new ArrayList<>();
        long trips = 0, scored = 0, scoreSum = 0, hb = 0, ra = 0, hc = 0, sp = 0;
        long drivers = 0, vehicles = 0;
        double distance = 0;
        Map<String, Long> byClass = new LinkedHashMap<>();
        for (VehicleClass cls : VehicleClass.values()) {
            byClass.put(cls.wireName(), 0L);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(DAILY)) {
            ps.setInt(1, days);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long dayTrips = rs.getLong("trips");
                    long dayScored = rs.getLong("scored");
                    long daySum = rs.getLong("score_sum");
                    double dayKm = rs.getDouble("distance_km");
                    trend.add(
                            new Day(
                                    rs.getObject("day", LocalDate.class),
                                    dayTrips,
                                    dayScored == 0 ? null : (double) daySum / dayScored,
                                    dayKm));
                    trips += dayTrips;
                    scored += dayScored;
                    scoreSum += daySum;
                    distance += dayKm;
                    hb += rs.getLong("hb");
                    ra += rs.getLong("ra");
                    hc += rs.getLong("hc");
                    sp += rs.getLong("sp");
                    drivers = rs.getLong("drivers");
                    vehicles = rs.getLong("vehicles");
                    Array classes = rs.getArray("classes");
                    Array counts = rs.getArray("class_vehicles");
                    if (classes != null && counts != null) {
                        Object[] names = (Object[]) classes.getArray();
                        Object[] ns = (Object[]) counts.getArray();
                        for (int i = 0; i < names.length; i++) {
                            byClass.put((String) names[i], ((Number) ns[i]).longValue());
                        }
                    }
                }
            }
        }
        long today = trend.isEmpty() ? 0 : trend.get(trend.size() - 1).trips();
        return new Summary(
                days,
                today,
                trips,
                distance,
                scored == 0 ? null : (double) scoreSum / scored,
                trend,
                Rows.eventRates(hb, ra, hc, sp, distance),
                drivers,
                vehicles,
                byClass);
    }

    public List<Vehicle> vehicles() throws SQLException {
        List<Vehicle> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(VEHICLES);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.add(
                        new Vehicle(
                                rs.getObject("vehicle_id", UUID.class),
                                rs.getString("vehicle_name"),
                                rs.getString("vehicle_class"),
                                rs.getLong("trips"),
                                rs.getDouble("distance_km"),
                                Rows.decimal(rs, "avg_score"),
                                rs.getLong("drivers"),
                                Rows.instant(rs, "last_trip_at")));
            }
        }
        return items;
    }
}
