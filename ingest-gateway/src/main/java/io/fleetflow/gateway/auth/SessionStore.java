package io.fleetflow.gateway.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Opens, finds and ends sessions in {@code telemetry.sessions}, by the SHA-256 of their id. Being
 * in the database, a session outlives a gateway restart and is known to every gateway.
 */
public final class SessionStore {

    private final DataSource dataSource;

    public SessionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new session: its record and its id, which only the cookie holds afterwards. */
    public record Opened(Session session, String id) {}

    /** Opens a session for {@code key} ending after {@code ttl}; drops sessions that have ended. */
    public Opened open(ApiKey key, Duration ttl) throws SQLException {
        String id = SessionSecrets.newSessionId();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ended =
                    c.prepareStatement(
                            "DELETE FROM telemetry.sessions WHERE expires_at <= now()")) {
                ended.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "INSERT INTO telemetry.sessions (id_sha256, api_key_id, expires_at)"
                                    + " VALUES (?, ?, now() + ? * interval '1 millisecond')"
                                    + " RETURNING expires_at")) {
                ps.setString(1, ApiKeySecrets.sha256(id));
                ps.setLong(2, key.id());
                ps.setLong(3, ttl.toMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Opened(new Session(key, instant(rs.getTimestamp(1))), id);
                }
            }
        }
    }

    /** The live session with this id: not ended, not signed out, its key not revoked. */
    public Optional<Session> find(String id) throws SQLException {
        if (!SessionSecrets.plausibleId(id)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT k.id, k.role, k.name, k.key_prefix, k.created_at,"
                                        + " s.expires_at FROM telemetry.sessions s"
                                        + " JOIN telemetry.api_keys k ON k.id = s.api_key_id"
                                        + " WHERE s.id_sha256 = ? AND s.expires_at > now()"
                                        + " AND k.revoked_at IS NULL")) {
            ps.setString(1, ApiKeySecrets.sha256(id));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ApiKey key =
                        new ApiKey(
                                rs.getLong(1),
                                ApiKeyRole.valueOf(rs.getString(2)),
                                rs.getString(3),
                                rs.getString(4),
                                instant(rs.getTimestamp(5)),
                                null);
                return Optional.of(new Session(key, instant(rs.getTimestamp(6))));
            }
        }
    }

    /** Ends the session with this id (sign-out); true when there was one. */
    public boolean end(String id) throws SQLException {
        if (!SessionSecrets.plausibleId(id)) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("DELETE FROM telemetry.sessions WHERE id_sha256 = ?")) {
            ps.setString(1, ApiKeySecrets.sha256(id));
            return ps.executeUpdate() > 0;
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
