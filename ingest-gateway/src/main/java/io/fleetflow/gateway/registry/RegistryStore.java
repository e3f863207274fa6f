package io.fleetflow.gateway.registry;

import io.fleetflow.model.registry.RegistryNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads and writes {@code telemetry.vehicles} and {@code telemetry.drivers}. Every change writes
 * its audit row (who, when, the row before and after as JSON) in the same statement, so a change
 * and its record commit together or not at all; a write that changes nothing writes neither.
 */
public final class RegistryStore {

    /** The outcome of one create-or-update. */
    public record Saved<T>(T value, boolean created, boolean changed) {}

    /** Counts of an import. */
    public record ImportResult(int created, int updated, int unchanged) {}

    // Writers of one id take this transaction lock first, creations included, so the upsert's
    // snapshot, taken after it, holds the latest row: "old" is what the change replaces.
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext(? || ?::text))";

    // Upsert unless nothing changes, audit what did change; the answer is the row as stored with
    // whether it was created and whether it changed. (No FOR UPDATE in "old": a row the same
    // statement updates would then be skipped, and "old" come out empty.)
    private static final String UPSERT =
            "WITH old AS (SELECT * FROM %1$s WHERE %2$s = ?),"
                    + " up AS (INSERT INTO %1$s AS r (%2$s, %3$s, updated_by) VALUES (?, %4$s, ?)"
                    + " ON CONFLICT (%2$s) DO UPDATE SET %5$s, updated_at = now(),"
                    + " updated_by = excluded.updated_by"
                    + " WHERE (%6$s) IS DISTINCT FROM (%7$s) RETURNING r.*),"
                    + " audit AS (INSERT INTO "
                    + RegistryNames.AUDIT
                    + " (entity, entity_id, changed_by, old_value, new_value)"
                    + " SELECT '%8$s', up.%2$s, up.updated_by, (SELECT to_jsonb(o) FROM old o),"
                    + " to_jsonb(up) FROM up)"
                    + " SELECT up.*, NOT EXISTS (SELECT 1 FROM old) AS created, true AS changed FROM up"
                    + " UNION ALL SELECT old.*, false, false FROM old WHERE NOT EXISTS (SELECT 1 FROM up)";

    private static final String UPSERT_VEHICLE =
            String.format(
                    UPSERT,
                    RegistryNames.VEHICLES,
                    "vehicle_id",
                    "name, vehicle_class, active",
                    "?, ?, ?",
                    "name = excluded.name, vehicle_class = excluded.vehicle_class,"
                            + " active = excluded.active",
                    "r.name, r.vehicle_class, r.active",
                    "excluded.name, excluded.vehicle_class, excluded.active",
                    "vehicle");

    private static final String UPSERT_DRIVER =
            String.format(
                    UPSERT,
                    RegistryNames.DRIVERS,
                    "driver_id",
                    "name, external_ref, active",
                    "?, ?, ?",
                    "name = excluded.name, external_ref = excluded.external_ref,"
                            + " active = excluded.active",
                    "r.name, r.external_ref, r.active",
                    "excluded.name, excluded.external_ref, excluded.active",
                    "driver");

    /** Most rows a list answers. */
    public static final int MAX_LIST = 10_000;

    private final DataSource dataSource;

    public RegistryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Saved<RegisteredVehicle> saveVehicle(UUID id, VehicleInput input, String by)
            throws SQLException {
        return inTransaction(c -> saveVehicle(c, id, input, by));
    }

    public Saved<RegisteredDriver> saveDriver(UUID id, DriverInput input, String by)
            throws SQLException {
        return inTransaction(c -> saveDriver(c, id, input, by));
    }

    /**
     * Saves every line in one transaction: all of them or, on any failure, none. Ids are locked in
     * their order, so two imports that share ids wait for each other instead of deadlocking.
     */
    public ImportResult importVehicles(List<RegistryCsv.Line<VehicleInput>> lines, String by)
            throws SQLException {
        return inTransaction(
                c -> {
                    int created = 0, updated = 0;
                    for (RegistryCsv.Line<VehicleInput> line : byId(lines)) {
                        Saved<?> s = saveVehicle(c, line.id(), line.input(), by);
                        created += s.created() ? 1 : 0;
                        updated += !s.created() && s.changed() ? 1 : 0;
                    }
                    return new ImportResult(created, updated, lines.size() - created - updated);
                });
    }

    /** Saves every line in one transaction, as {@link #importVehicles} does. */
    public ImportResult importDrivers(List<RegistryCsv.Line<DriverInput>> lines, String by)
            throws SQLException {
        return inTransaction(
                c -> {
                    int created = 0, updated = 0;
                    for (RegistryCsv.Line<DriverInput> line : byId(lines)) {
                        Saved<?> s = saveDriver(c, line.id(), line.input(), by);
                        created += s.created() ? 1 : 0;
                        updated += !s.created() && s.changed() ? 1 : 0;
                    }
                    return new ImportResult(created, updated, lines.size() - created - updated);
                });
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

    private static Saved<RegisteredVehicle> saveVehicle(
            Connection c, UUID id, VehicleInput input, String by) throws SQLException {
        lock(c, "vehicle", id);
        try (PreparedStatement ps = c.prepareStatement(UPSERT_VEHICLE)) {
            ps.setObject(1, id);
            ps.setObject(2, id);
            ps.setString(3, input.name());
            ps.setString(4, input.vehicleClass().wireName());
            ps.setBoolean(5, input.active());
            ps.setString(6, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Saved<>(vehicle(rs), rs.getBoolean("created"), rs.getBoolean("changed"));
            }
        }
    }

    private static Saved<RegisteredDriver> saveDriver(
            Connection c, UUID id, DriverInput input, String by) throws SQLException {
        lock(c, "driver", id);
        try (PreparedStatement ps = c.prepareStatement(UPSERT_DRIVER)) {
            ps.setObject(1, id);
            ps.setObject(2, id);
            ps.setString(3, input.name());
            ps.setString(4, input.externalRef());
            ps.setBoolean(5, input.active());
            ps.setString(6, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Saved<>(driver(rs), rs.getBoolean("created"), rs.getBoolean("changed"));
            }
        }
    }

    private static <T> List<RegistryCsv.Line<T>> byId(List<RegistryCsv.Line<T>> lines) {
        List<RegistryCsv.Line<T>> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(RegistryCsv.Line::id));
        return sorted;
    }

    private static void lock(Connection c, String entity, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.setString(1, entity);
            ps.setObject(2, id);
            ps.executeQuery().close();
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
