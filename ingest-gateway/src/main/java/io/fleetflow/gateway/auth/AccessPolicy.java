package io.fleetflow.gateway.auth;

import io.fleetflow.gateway.http.Routes;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may call what, with no I/O: the ingest route needs a device key, every other {@code /api/v1}
 * route an operator token. Answers the problem to send, or empty to let the call through.
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

    public static ApiKeyRole requiredRole(String path) {
        return Routes.INGEST.equals(stripTrailingSlash(path))
                ? ApiKeyRole.DEVICE
                : ApiKeyRole.OPERATOR;
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
    public static Optional<Denial> check(Optional<ApiKey> key, ApiKeyRole required) {
        if (key.isEmpty()) {
            return Optional.of(Denial.UNKNOWN);
        }
        if (key.get().isRevoked()) {
            return Optional.of(Denial.REVOKED);
        }
        if (key.get().role() != required) {
            return Optional.of(Denial.WRONG_ROLE);
        }
        return Optional.empty();
    }

    public static String wrongRoleDetail(ApiKeyRole required) {
        return required == ApiKeyRole.DEVICE
                ? "this route needs a device key (ffd_...), not an operator token"
                : "this route needs an operator token (ffo_...), not a device key";
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1)
                : path;
    }
}
