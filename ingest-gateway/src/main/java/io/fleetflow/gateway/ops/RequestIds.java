package io.fleetflow.gateway.ops;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of a call: the client's {@code X-Request-Id} when it is a short token, otherwise a
 * new UUID, so a hostile header can never inject text into logs.
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
                : UUID.randomUUID().toString();
    }
}
