package io.fleetflow.gateway.auth;

import java.time.Instant;

/**
 * A live dashboard session: the key that opened it (whose name changes are recorded under) and when
 * it ends.
 */
public record Session(ApiKey key, Instant expiresAt) {}
