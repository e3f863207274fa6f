package io.fleetflow.gateway.auth;

import java.time.Duration;

/**
 * The session cookie's {@code Set-Cookie} values, written once: HttpOnly (no script reads it),
 * SameSite=Strict (no other site's page sends it), Path=/, a Max-Age equal to the session's life,
 * and Secure when the request came over TLS.
 */
public final class SessionCookie {

    /** The cookie's name. */
    public static final String NAME = "fleetflow_session";

    private SessionCookie() {}

    /** Sets the cookie to {@code sessionId} for {@code ttl} (whole seconds, at least 1). */
    public static String set(String sessionId, Duration ttl, boolean secure) {
        if (!SessionSecrets.plausibleId(sessionId)) {
            throw new IllegalArgumentException("not a session id");
        }
        return NAME + "=" + sessionId + attributes(Math.max(1, ttl.toSeconds()), secure);
    }

    /** Tells the browser to drop the cookie (empty value, Max-Age=0). */
    public static String clear(boolean secure) {
        return NAME + "=" + attributes(0, secure);
    }

    private static String attributes(long maxAgeSeconds, boolean secure) {
        return "; Path=/; Max-Age="
                + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }
}
