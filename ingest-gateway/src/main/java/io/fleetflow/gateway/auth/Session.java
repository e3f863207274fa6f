package io.fleetflow.gateway.auth;

import io.fleetflow.gateway.http.Problem;
import io.fleetflow.gateway.http.ProblemException;
import java.time.Instant;

/**
 * A live dashboard session: the key that opened it (whose name changes are recorded under) and when
 * it ends.
 */
public record Session(ApiKey key, Instant expiresAt) {

    /** The 401 for a cookie naming no live session (ended, expired, revoked or unknown). */
    static ProblemException ended() {
        return new ProblemException(
                Problem.of(
                        "unauthorized",
                        "Unauthorized",
                        401,
                        "the session has ended or is unknown: sign in again"));
    }
}
