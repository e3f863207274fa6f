package io.fleetflow.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes session ids and the CSRF token that goes with each. A session id is 32 random bytes
 * (URL-safe Base64) that only the browser's HttpOnly cookie holds; the database keeps its SHA-256
 * ({@link ApiKeySecrets#sha256}). The CSRF token is derived from the session id (a SHA-256 under
 * its own label), so it is stored nowhere, reads the same on every gateway and after a restart, and
 * cannot be made without the cookie that a page of another site can neither read nor send.
 */
public final class SessionSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Keeps the CSRF token apart from the stored hash of the same session id. */
    private static final String CSRF_LABEL = "fleetflow csrf token\0";

    /** Longest cookie value looked up; a session id is 43 characters. */
    private static final int MAX_ID_LENGTH = 100;

    private SessionSecrets() {}

    public static String newSessionId() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether a cookie value can be a session id at all (not worth a query otherwise). */
    public static boolean plausibleId(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= MAX_ID_LENGTH
                && value.chars().allMatch(SessionSecrets::urlSafe);
    }

    /** The CSRF token of the session with this id. */
    public static String csrfToken(String sessionId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((CSRF_LABEL + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    public static boolean same(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean urlSafe(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_';
    }
}
