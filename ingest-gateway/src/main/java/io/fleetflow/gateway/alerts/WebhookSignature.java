package io.fleetflow.gateway.alerts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code sha256=} and the lower-case hex HMAC-SHA256 of the
 * exact body bytes, keyed with the configured secret (UTF-8). Receivers recompute it over the raw
 * body and compare in constant time ({@link #verify}).
 */
public final class WebhookSignature {

    /** The header carrying the signature. */
    public static final String HEADER = "X-FleetFlow-Signature";

    /** The header carrying the alert's stable id (deduplication). */
    public static final String ALERT_ID_HEADER = "X-FleetFlow-Alert-Id";

    /** The header carrying the attempt's number, 1 for the first. */
    public static final String ATTEMPT_HEADER = "X-FleetFlow-Delivery-Attempt";

    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body} under {@code secret}. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }
}
