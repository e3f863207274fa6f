package io.fleetflow.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes API key secrets. A key is its role's prefix and 32 random bytes (URL-safe
 * Base64); only its SHA-256 is stored, so a database dump reveals no usable key.
 */
public final class ApiKeySecrets {

    /** Characters of a key shown in lists and logs to identify it: the role prefix and 8 more. */
    public static final int DISPLAY_PREFIX_LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    public static String newKey(ApiKeyRole role) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return role.keyPrefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String sha256(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, key.length()));
    }
}
