package io.fleetflow.gateway.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a request authenticated by the session cookie must carry to change anything, with no I/O:
 * reads ({@code GET}, {@code HEAD}, {@code OPTIONS}) need nothing more; every other method needs
 * the session's CSRF token in {@link #CSRF_HEADER} and, when the browser sent an {@code Origin},
 * the gateway's own origin there. Requests with a bearer key are not checked here: a page of
 * another site cannot attach that header.
 */
public final class CookieWriteCheck {

    /** The header carrying the CSRF token on cookie-authenticated writes. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private CookieWriteCheck() {}

    /**
     * Why this cookie-authenticated request is refused (403), or empty to let it through.
     *
     * @param presentedCsrf the {@link #CSRF_HEADER} value, or {@code null}
     * @param expectedCsrf the session's CSRF token
     * @param origin the {@code Origin} header, or {@code null}
     * @param ownOrigin the gateway's origin as this request reached it ({@link #ownOrigin})
     */
    public static Optional<String> refusal(
            String method,
            String presentedCsrf,
            String expectedCsrf,
            String origin,
            String ownOrigin) {
        if (isRead(method)) {
            return Optional.empty();
        }
        Optional<String> foreign = foreignOrigin(origin, ownOrigin);
        if (foreign.isPresent()) {
            return foreign;
        }
        if (presentedCsrf == null || presentedCsrf.isBlank()) {
            return Optional.of(
                    "a change made with the session cookie needs the "
                            + CSRF_HEADER
                            + " header (its value comes with GET /api/v1/session)");
        }
        if (!SessionSecrets.same(expectedCsrf, presentedCsrf.trim())) {
            return Optional.of("the " + CSRF_HEADER + " header does not match this session");
        }
        return Optional.empty();
    }

    /**
     * Why an {@code Origin} is not acceptable for a write, or empty when it is absent or the
     * gateway's own.
     */
    public static Optional<String> foreignOrigin(String origin, String ownOrigin) {
        if (origin == null || origin.isBlank()) {
            return Optional.empty();
        }
        String presented = origin.trim().toLowerCase(Locale.ROOT);
        if (presented.equals(ownOrigin.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of("requests from origin " + origin.trim() + " may not change anything");
    }

    /**
     * The gateway's origin as this request reached it: the scheme ({@link #secure}) and the {@code
     * Host} header, with the scheme's default port left out as browsers do.
     */
    public static String ownOrigin(String scheme, String forwardedProto, String host) {
        boolean tls = secure(scheme, forwardedProto);
        String authority = host == null ? "" : host.trim();
        String defaultPort = tls ? ":443" : ":80";
        if (authority.endsWith(defaultPort)) {
            authority = authority.substring(0, authority.length() - defaultPort.length());
        }
        return (tls ? "https://" : "http://") + authority;
    }

    /**
     * Whether the request came over TLS: to the gateway itself, or to a proxy in front of it that
     * says so in {@code X-Forwarded-Proto} (its first value when there are several).
     */
    public static boolean secure(String scheme, String forwardedProto) {
        if (forwardedProto != null && !forwardedProto.isBlank()) {
            return forwardedProto.split(",")[0].trim().equalsIgnoreCase("https");
        }
        return "https".equalsIgnoreCase(scheme);
    }

    private static boolean isRead(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
    }
}
