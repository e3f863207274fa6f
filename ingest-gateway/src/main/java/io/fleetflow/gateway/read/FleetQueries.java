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
 * Fleet-wide reads: the overview's summary over a window of UTC days and the vehicles list, from
 * the aggregates of scored trips (fleet_daily, the all-time rows of driver_daily and vehicle_daily,
 * vehicle_drivers; docs/reads.md) plus the few unscored trips. Days and the window are by the
 * trip's start time.
 */
public final class FleetQueries {

    // The window's scored trips from fleet_daily (at most 16 slot rows a day, however many drivers)
    // plus its unscored trips (DriverQueries.UNSCORED, few, by partial indexes). Drivers and
    // vehicles active in the window from their all-time rows (one per driver / vehicle): active iff
    // the last trip starts in the window, or after it (a clock ahead) with a day in the window (a
    // primary-key probe, rare); the vehicles' classes by one primary-key look-up per active
    // vehicle.
    private static final String DAILY =
            "WITH bounds AS (SELECT first_day, last_day,"
                    + " first_day::timestamp AT TIME ZONE 'UTC' AS from_ts,"
                    + " (last_day + 1)::timestamp AT TIME ZONE 'UTC' AS to_ts"
                    + " FROM (SELECT (now() AT TIME ZONE 'UTC')::date - (?::int - 1) AS first_day,"
                    + " (now() AT TIME ZONE 'UTC')::date AS last_day) x),"
                    + " days AS (SELECT generate_series(first_day, last_day, interval '1 day')::date AS day"
                    + " FROM bounds),"
                    + " u AS (SELECT (l.started_at AT TIME ZONE 'UTC')::date AS day, l.driver_id, l.vehicle_id"
                    + " FROM telemetry.trip_logs l, bounds b WHERE "
                    + DriverQueries.UNSCORED
                    + " AND l.started_at >= b.from_ts AND l.started_at < b.to_ts),"
                    + " t AS (SELECT day, sum(trips) AS trips, sum(score_sum) AS score_sum,"
                    + " sum(distance_km) AS distance_km, sum(harsh_braking_count) AS hb,"
                    + " sum(rapid_accel_count) AS ra, sum(harsh_cornering_count) AS hc,"
                    + " sum(speeding_count) AS sp FROM telemetry.fleet_daily f, bounds b"
                    + " WHERE f.day BETWEEN b.first_day AND b.last_day GROUP BY day),"
                    + " ut AS (SELECT day, count(*) AS trips FROM u GROUP BY day),"
                    + " dr AS (SELECT a.driver_id FROM telemetry.driver_daily a, bounds b"
                    + " WHERE a.day = '-infinity' AND a.last_trip_at >= b.from_ts"
                    + " AND (a.last_trip_at < b.to_ts OR EXISTS (SELECT 1 FROM telemetry.driver_daily x"
                    + " WHERE x.driver_id = a.driver_id AND x.day BETWEEN b.first_day AND b.last_day))"
                    + " UNION SELECT driver_id FROM u),"
                    + " v AS (SELECT a.vehicle_id FROM telemetry.vehicle_daily a, bounds b"
                    + " WHERE a.day = '-infinity' AND a.last_trip_at >= b.from_ts"
                    + " AND (a.last_trip_at < b.to_ts OR EXISTS (SELECT 1 FROM telemetry.vehicle_daily x"
                    + " WHERE x.vehicle_id = a.vehicle_id AND x.day BETWEEN b.first_day AND b.last_day))"
                    + " UNION SELECT vehicle_id FROM u),"
                    + " cls AS (SELECT coalesce(r.vehicle_class, '"
                    + VehicleClass.DEFAULT.wireName()
                    + "') AS cls, count(*) AS n FROM v LEFT JOIN "
                    + RegistryNames.VEHICLES
                    + " r USING (vehicle_id) GROUP BY 1)"
                    + " SELECT d.day, coalesce(t.trips, 0) + coalesce(ut.trips, 0) AS trips,"
                    + " coalesce(t.trips, 0) AS scored, coalesce(t.score_sum, 0) AS score_sum,"
                    + " coalesce(t.distance_km, 0) AS distance_km, coalesce(t.hb, 0) AS hb,"
                    + " coalesce(t.ra, 0) AS ra, coalesce(t.hc, 0) AS hc, coalesce(t.sp, 0) AS sp,"
                    + " (SELECT count(*) FROM dr) AS drivers,"
                    + " (SELECT count(*) FROM v) AS vehicles,"
                    + " (SELECT array_agg(c.cls ORDER BY c.cls) FROM cls c) AS classes,"
                    + " (SELECT array_agg(c.n ORDER BY c.cls) FROM cls c) AS class_vehicles"
                    + " FROM days d LEFT JOIN t ON t.day = d.day LEFT JOIN ut ON ut.day = d.day"
                    + " ORDER BY d.day";

    // Each vehicle's all-time row of vehicle_daily plus its unscored trips
    // (DriverQueries.UNSCORED), newest first, cut to 1000; then the drivers of each listed vehicle
    // from vehicle_drivers (its primary key: one entry per driver of the vehicle) and from its
    // unscored trips: O(fleet), nothing proportional to history (docs/reads.md).
    private static final String VEHICLES =
            "WITH un AS MATERIALIZED (SELECT vehicle_id, driver_id, started_at"
                    + " FROM telemetry.trip_logs WHERE "
                    + DriverQueries.UNSCORED
                    + "),"
                    + " u AS (SELECT vehicle_id, count(*) AS trips, max(started_at) AS last_trip_at"
                    + " FROM un GROUP BY vehicle_id),"
                    + " s AS (SELECT vehicle_id, trips, last_trip_at, distance_km,"
                    + " score_sum::numeric / trips AS avg_score FROM telemetry.vehicle_daily"
                    + " WHERE day = '-infinity'),"
                    + " t AS (SELECT vehicle_id, coalesce(s.trips, 0) + coalesce(u.trips, 0) AS trips,"
                    + " greatest(s.last_trip_at, u.last_trip_at) AS last_trip_at,"
                    + " coalesce(s.distance_km, 0) AS distance_km, s.avg_score"
                    + " FROM s FULL JOIN u USING (vehicle_id)"
                    + " ORDER BY 3 DESC, vehicle_id LIMIT 1000)"
                    + " SELECT t.vehicle_id, t.trips, t.distance_km, t.avg_score,"
                    + " (SELECT count(*) FROM (SELECT p.driver_id FROM telemetry.vehicle_drivers p"
                    + " WHERE p.vehicle_id = t.vehicle_id UNION SELECT n.driver_id FROM un n"
                    + " WHERE n.vehicle_id = t.vehicle_id) x) AS drivers, t.last_trip_at,"
                    + " r.name AS vehicle_name, coalesce(r.vehicle_class, '"
                    + VehicleClass.DEFAULT.wireName()
                    + "') AS vehicle_class"
                    + " FROM t LEFT JOIN "
                    + RegistryNames.VEHICLES
                    + " r USING (vehicle_id)"
                    + " ORDER BY t.last_trip_at DESC, t.vehicle_id";

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
