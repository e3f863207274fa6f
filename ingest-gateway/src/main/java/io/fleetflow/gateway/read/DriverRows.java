package io.fleetflow.gateway.read;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A driver's row of the list's query ({@link DriverQueries}) as the API's {@code Driver}. */
final class DriverRows {

    private DriverRows() {}

    static DriverQueries.Driver driver(ResultSet rs) throws SQLException {
        double distance = rs.getDouble("distance_km");
        return new DriverQueries.Driver(
                rs.getObject("driver_id", UUID.class),
                rs.getString("driver_name"),
                rs.getLong("trips"),
                distance,
                Rows.decimal(rs, "avg_score"),
                Rows.integer(rs, "rolling_score"),
                Rows.eventRates(
                        rs.getLong("hb"),
                        rs.getLong("ra"),
                        rs.getLong("hc"),
                        rs.getLong("sp"),
                        distance),
                rs.getLong("cr"),
                Rows.instant(rs, "last_trip_at"),
                trend(rs.getArray("trend")));
    }

    private static List<Integer> trend(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Integer> scores = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            scores.add(((Number) o).intValue());
        }
        return scores;
    }
}
