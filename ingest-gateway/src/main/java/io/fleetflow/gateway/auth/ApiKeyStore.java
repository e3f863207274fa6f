package io.fleetflow.gateway.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Creates, finds, lists and revokes API keys in {@code telemetry.api_keys}. */
public final class ApiKeyStore {

    private static final String COLUMNS = "id, role, name, key_prefix, created_at, revoked_at";

    private final DataSource dataSource;

    public ApiKeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new key: the stored record and the secret, which exists nowhere else afterwards. */
    public record CreatedKey(ApiKey key, String secret) {}

    public CreatedKey create(ApiKeyRole role, String name) throws SQLException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an API key needs a name");
        }
        String secret = ApiKeySecrets.newKey(role);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO telemetry.api_keys (role, name, key_prefix, key_sha256)"
                                        + " VALUES (?, ?, ?, ?) RETURNING "
                                        + COLUMNS)) {
            ps.setString(1, role.name());
            ps.setString(2, name);
            ps.setString(3, ApiKeySecrets.displayPrefix(secret));
            ps.setString(4, ApiKeySecrets.sha256(secret));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CreatedKey(key(rs), secret);
            }
        }
    }

    /** The key whose secret this is, revoked or not. */
    public Optional<ApiKey> findBySecret(String secret) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM telemetry.api_keys WHERE key_sha256 = ?")) {
            ps.setString(1, ApiKeySecrets.sha256(secret));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(key(rs)) : Optional.empty();
            }
        }
    }

    public List<ApiKey> list() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT " + COLUMNS + " FROM telemetry.api_keys ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(key(rs));
            }
            return keys;
        }
    }

    /**
     * Revokes the keys whose id is {@code idOrPrefix}, or whose stored prefix starts with it (at
     * least the role prefix and one more character). Already revoked keys stay as they were.
     *
     * @return the keys revoked now
     */
    public List<ApiKey> revoke(String idOrPrefix) throws SQLException {
        boolean byId = idOrPrefix.matches("\\d{1,18}");
        if (!byId && idOrPrefix.length() < 5) {
            throw new IllegalArgumentException(
                    "give a key id or at least 5 characters of its prefix, e.g. ffd_Ab");
        }
        String where = byId ? "id = ?" : "key_prefix LIKE ? ESCAPE '\\'";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE telemetry.api_keys SET revoked_at = now() WHERE "
                                        + where
                                        + " AND revoked_at IS NULL RETURNING "
                                        + COLUMNS)) {
            if (byId) {
                ps.setLong(1, Long.parseLong(idOrPrefix));
            } else {
                ps.setString(1, idOrPrefix.replaceAll("([\\\\%_])", "\\\\$1") + "%");
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<ApiKey> revoked = new ArrayList<>();
                while (rs.next()) {
                    revoked.add(key(rs));
                }
                return revoked;
            }
        }
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(
                rs.getLong("id"),
                ApiKeyRole.valueOf(rs.getString("role")),
                rs.getString("name"),
                rs.getString("key_prefix"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
