package io.fleetflow.gateway.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of a call: the client's {@code X-Request-Id} when it is a short token, otherwise a
 * new random UUID, so a hostile header can never inject text into logs.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    /** Key of the request id in the logging MDC. */
    public static final String MDC_KEY = "request_id";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    public static String choose(String fromClient) {
        return fromClient != null && ACCEPTABLE.matcher(fromClient).matches()
                ? fromClient
                : randomUuid().toString();
    }

    /**
     * A version-4 UUID from a fast, non-cryptographic generator: a request id must be unique in the
     * logs, not secret, and {@link UUID#randomUUID()} costs a SecureRandom call per request.
     */
    private static UUID randomUuid() {
        java.util.concurrent.ThreadLocalRandom random =
                java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
