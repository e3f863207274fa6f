package io.fleetflow.gateway.registry;

import io.fleetflow.model.registry.RegistryNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads and writes {@code telemetry.vehicles} and {@code telemetry.drivers}. Every change writes
 * its audit row (who, when, the row before and after as JSON) in the same statement, so a change
 * and its record commit together or not at all; a write that changes nothing writes neither. A
 * single PUT and a whole import are the same statement, with one row or many.
 */
public final class RegistryStore {

    /** The outcome of one create-or-update. */
    public record Saved<T>(T value, boolean created, boolean changed) {}

    /** Counts of an import. */
    public record ImportResult(int created, int updated, int unchanged) {}

    /** One row to write: the id, the name, the third column (class or reference), the flag. */
    private record Row(UUID id, String name, String third, boolean active) {}

    private static final RegistryTable VEHICLES =
            new RegistryTable(RegistryNames.VEHICLES, "vehicle_id", "vehicle_class", "vehicle");
    private static final RegistryTable DRIVERS =
            new RegistryTable(RegistryNames.DRIVERS, "driver_id", "external_ref", "driver");
    private static final String UPSERT_VEHICLES = VEHICLES.upsert();
    private static final String UPSERT_DRIVERS = DRIVERS.upsert();

    /** Most rows a list answers. */
    public static final int MAX_LIST = 10_000;

    private final DataSource dataSource;

    public RegistryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Saved<RegisteredVehicle> saveVehicle(UUID id, VehicleInput input, String by)
            throws SQLException {
        return inTransaction(
                c ->
                        write(
                                        c,
                                        VEHICLES,
                                        UPSERT_VEHICLES,
                                        List.of(row(id, input)),
                                        by,
                                        RegistryStore::vehicle)
                                .get(0));
    }

    public Saved<RegisteredDriver> saveDriver(UUID id, DriverInput input, String by)
            throws SQLException {
        return inTransaction(
                c ->
                        write(
                                        c,
                                        DRIVERS,
                                        UPSERT_DRIVERS,
                                        List.of(row(id, input)),
                                        by,
                                        RegistryStore::driver)
                                .get(0));
    }

    /** Saves every line in one statement and transaction: all of them or, on any failure, none. */
    public ImportResult importVehicles(List<RegistryCsv.Line<VehicleInput>> lines, String by)
            throws SQLException {
        List<Row> rows = lines.stream().map(l -> row(l.id(), l.input())).toList();
        return counts(
                inTransaction(
                        c ->
                                write(
                                        c,
                                        VEHICLES,
                                        UPSERT_VEHICLES,
                                        rows,
                                        by,
                                        RegistryStore::vehicle)));
    }

    /** Saves every line in one statement and transaction: all of them or, on any failure, none. */
    public ImportResult importDrivers(List<RegistryCsv.Line<DriverInput>> lines, String by)
            throws SQLException {
        List<Row> rows = lines.stream().map(l -> row(l.id(), l.input())).toList();
        return counts(
                inTransaction(
                        c -> write(c, DRIVERS, UPSERT_DRIVERS, rows, by, RegistryStore::driver)));
    }

    public Optional<RegisteredVehicle> vehicle(UUID id) throws SQLException {
        List<RegisteredVehicle> found =
                query(
                        "SELECT * FROM " + RegistryNames.VEHICLES + " WHERE vehicle_id = ?",
                        id,
                        RegistryStore::vehicle);
        return found.stream().findFirst();
    }

    public Optional<RegisteredDriver> driver(UUID id) throws SQLException {
        List<RegisteredDriver> found =
                query(
                        "SELECT * FROM " + RegistryNames.DRIVERS + " WHERE driver_id = ?",
                        id,
                        RegistryStore::driver);
        return found.stream().findFirst();
    }

    public List<RegisteredVehicle> vehicles() throws SQLException {
        return query(
                "SELECT * FROM "
                        + RegistryNames.VEHICLES
                        + " ORDER BY lower(name), vehicle_id LIMIT "
                        + MAX_LIST,
                null,
                RegistryStore::vehicle);
    }

    public List<RegisteredDriver> drivers() throws SQLException {
        return query(
                "SELECT * FROM "
                        + RegistryNames.DRIVERS
                        + " ORDER BY lower(name), driver_id LIMIT "
                        + MAX_LIST,
                null,
                RegistryStore::driver);
    }

    private static Row row(UUID id, VehicleInput input) {
        return new Row(id, input.name(), input.vehicleClass().wireName(), input.active());
    }

    private static Row row(UUID id, DriverInput input) {
        return new Row(id, input.name(), input.externalRef(), input.active());
    }

    private static ImportResult counts(List<? extends Saved<?>> saved) {
        int created = 0, updated = 0;
        for (Saved<?> s : saved) {
            created += s.created() ? 1 : 0;
            updated += !s.created() && s.changed() ? 1 : 0;
        }
        return new ImportResult(created, updated, saved.size() - created - updated);
    }

    /** Rows with distinct ids (ON CONFLICT may touch a row once per statement). */
    private static <T> List<Saved<T>> write(
            Connection c,
            RegistryTable table,
            String upsert,
            List<Row> rows,
            String by,
            RowMapper<T> mapper)
            throws SQLException {
        try (Statement lock = c.createStatement()) {
            lock.execute(table.lock());
        }
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            ps.setArray(1, c.createArrayOf("uuid", rows.stream().map(Row::id).toArray()));
            ps.setArray(2, c.createArrayOf("text", rows.stream().map(Row::name).toArray()));
            ps.setArray(3, c.createArrayOf("text", rows.stream().map(Row::third).toArray()));
            ps.setArray(4, c.createArrayOf("boolean", rows.stream().map(Row::active).toArray()));
            ps.setString(5, by);
            List<Saved<T>> saved = new ArrayList<>(rows.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    saved.add(
                            new Saved<>(
                                    mapper.map(rs),
                                    rs.getBoolean("created"),
                                    rs.getBoolean("changed")));
                }
            }
            return saved;
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private <T> List<T> query(String sql, UUID id, RowMapper<T> mapper) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setObject(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    private static RegisteredVehicle vehicle(ResultSet rs) throws SQLException {
        return new RegisteredVehicle(
                rs.getObject("vehicle_id", UUID.class),
                rs.getString("name"),
                rs.getString("vehicle_class"),
                rs.getBoolean("active"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getString("updated_by"));
    }

    private static RegisteredDriver driver(ResultSet rs) throws SQLException {
        return new RegisteredDriver(
                rs.getObject("driver_id", UUID.class),
                rs.getString("name"),
                rs.getString("external_ref"),
                rs.getBoolean("active"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getString("updated_by"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
