package io.fleetflow.gateway.auth;

import java.time.Instant;

/**
 * A stored API key, without its secret.
 *
 * @param keyPrefix the first characters of the key, enough to recognise it
 * @param revokedAt when it was revoked, or {@code null} while it is valid
 */
public record ApiKey(
        long id,
        ApiKeyRole role,
        String name,
        String keyPrefix,
        Instant createdAt,
        Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
