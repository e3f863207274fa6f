package io.fleetflow.gateway.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small conversions shared by the read queries: nullable columns and per-100-km rates. */
final class Rows {

    private Rows() {}

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Double decimal(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() || !Double.isFinite(v) ? null : v;
    }

    static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    /** Events per 100 km, or {@code null} while there is no distance to divide by. */
    static Double per100km(long events, double distanceKm) {
        return distanceKm > 0 ? events * 100.0 / distanceKm : null;
    }

    /** The four event rates under the contract's keys, in a stable order. */
    static Map<String, Double> eventRates(
            long braking, long accel, long cornering, long speeding, double distanceKm) {
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("harsh_braking", per100km(braking, distanceKm));
        rates.put("rapid_acceleration", per100km(accel, distanceKm));
        rates.put("harsh_cornering", per100km(cornering, distanceKm));
        rates.put("speeding", per100km(speeding, distanceKm));
        return rates;
    }

    static Map<String, Long> eventCounts(long braking, long accel, long cornering, long speeding) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("harsh_braking", braking);
        counts.put("rapid_acceleration", accel);
        counts.put("harsh_cornering", cornering);
        counts.put("speeding", speeding);
        return counts;
    }
}
