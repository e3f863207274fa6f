package io.fleetflow.gateway.auth;

import io.fleetflow.gateway.http.Routes;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what, with no I/O: the ingest route needs a device key, a read ({@code GET}) below
 * {@code /api/v1} a viewer or operator token, and every other method (the registry's writes) an
 * operator token. Answers the problem to send, or empty to let the call through.
 */
public final class AccessPolicy {

    private AccessPolicy() {}

    /** What went wrong with the presented credential. */
    public enum Denial {
        MISSING(401, "an API key is required: send Authorization: Bearer <key>"),
        MALFORMED(401, "the Authorization header must be: Bearer <key>"),
        UNKNOWN(401, "the API key is not valid"),
        REVOKED(403, "the API key has been revoked"),
        WRONG_ROLE(403, "");

        private final int status;
        private final String detail;

        Denial(int status, String detail) {
            this.status = status;
            this.detail = detail;
        }

        public int status() {
            return status;
        }

        public String detail() {
            return detail;
        }
    }

    /** What a call needs; each access names the roles that have it. */
    public enum Access {
        INGEST(Set.of(ApiKeyRole.DEVICE), "a device key (ffd_...)"),
        READ(Set.of(ApiKeyRole.VIEWER, ApiKeyRole.OPERATOR), "a viewer or operator token"),
        WRITE(Set.of(ApiKeyRole.OPERATOR), "an operator token (ffo_...)");

        private final Set<ApiKeyRole> roles;
        private final String needs;

        Access(Set<ApiKeyRole> roles, String needs) {
            this.roles = roles;
            this.needs = needs;
        }

        public boolean grantedTo(ApiKeyRole role) {
            return roles.contains(role);
        }
    }

    public static Access requiredAccess(String method, String path) {
        if (Routes.INGEST.equals(stripTrailingSlash(path))) {
            return Access.INGEST;
        }
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> Access.READ;
            default -> Access.WRITE;
        };
    }

    /**
     * The secret of an {@code Authorization: Bearer} header, or empty when the header is missing or
     * not a bearer credential.
     */
    public static Optional<String> bearerSecret(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String trimmed = authorization.trim();
        if (trimmed.length() < 7
                || !trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String secret = trimmed.substring(7).trim();
        return secret.isEmpty() || secret.length() > 200 ? Optional.empty() : Optional.of(secret);
    }

    /** Checks a key looked up for a request that needs {@code required}. */
    public static Optional<Denial> check(Optional<ApiKey> key, Access required) {
        if (key.isEmpty()) {
            return Optional.of(Denial.UNKNOWN);
        }
        if (key.get().isRevoked()) {
            return Optional.of(Denial.REVOKED);
        }
        if (!required.grantedTo(key.get().role())) {
            return Optional.of(Denial.WRONG_ROLE);
        }
        return Optional.empty();
    }

    public static String wrongRoleDetail(Access required, ApiKeyRole presented) {
        return "this route needs "
                + required.needs
                + ", not a "
                + presented.name().toLowerCase(Locale.ROOT)
                + " key";
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1)
                : path;
    }
}
