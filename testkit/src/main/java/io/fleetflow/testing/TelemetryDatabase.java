package io.fleetflow.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.model.schema.SchemaInitializer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real test database's lifecycle in one place: the schema applied before all tests of a class,
 * the tables emptied after each. Register with {@code @RegisterExtension static}.
 */
public final class TelemetryDatabase
        implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private HikariDataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        dataSource = TestServices.dataSource();
        SchemaInitializer.apply(dataSource);
        truncate();
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        truncate();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        dataSource.close();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public void truncate() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // driver_stats has no foreign key to trip_logs: name it, or it outlives the trips.
            s.execute(
                    "TRUNCATE telemetry.trip_logs, telemetry.driver_stats, telemetry.api_keys CASCADE");
            s.execute("TRUNCATE telemetry.vehicles, telemetry.drivers, telemetry.registry_audit");
        }
    }

    public long count(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public String status(UUID tripId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT status FROM telemetry.trip_logs WHERE id = ?")) {
            ps.setObject(1, tripId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
