package io.fleetflow.gateway.registry;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.fleetflow.model.registry.RegistryNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads {@code telemetry.registry_audit}, which {@link RegistryStore} writes with each change. */
public final class RegistryAudit {

    /** One audit row; the values are JSON text ({@code old_value} null on creation). */
    public record AuditRow(
            long id,
            String entity,
            UUID entityId,
            String changedBy,
            Instant changedAt,
            @JsonRawValue String oldValue,
            @JsonRawValue String newValue) {}

    private final DataSource dataSource;

    public RegistryAudit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The newest audit rows first: of one entity when {@code entity} and {@code id} are given, of
     * one kind when only {@code entity} is, else of the whole registry.
     */
    public List<AuditRow> audit(String entity, UUID id, int limit) throws SQLException {
        StringBuilder sql =
                new StringBuilder(
                        "SELECT id, entity, entity_id, changed_by, changed_at, old_value::text AS"
                                + " old_value, new_value::text AS new_value FROM "
                                + RegistryNames.AUDIT
                                + " WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (entity != null) {
            sql.append(" AND entity = ?");
            params.add(entity);
        }
        if (id != null) {
            sql.append(" AND entity_id = ?");
            params.add(id);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(limit);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(
                            new AuditRow(
                                    rs.getLong("id"),
                                    rs.getString("entity"),
                                    rs.getObject("entity_id", UUID.class),
                                    rs.getString("changed_by"),
                                    changedAt(rs.getTimestamp("changed_at")),
                                    rs.getString("old_value"),
                                    rs.getString("new_value")));
                }
                return rows;
            }
        }
    }

    private static Instant changedAt(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
