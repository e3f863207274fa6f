package io.fleetflow.gateway.auth;

import io.fleetflow.gateway.http.Problem;
import io.fleetflow.gateway.http.ProblemException;
import io.fleetflow.gateway.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before-handler on {@code /api/v1/*}: looks the bearer key up by its hash and applies {@link
 * AccessPolicy}. A request with no {@code Authorization} header may instead carry the session
 * cookie ({@link SessionCookie}): the session's key is then checked the same way, and a write must
 * also pass {@link CookieWriteCheck} (CSRF token, origin). The key found (for a session, the key
 * that opened it) is left on the context under {@link #API_KEY_ATTRIBUTE}. When the database cannot
 * be asked the answer is 503, never a silent pass. {@link Routes#SESSION} checks its own callers.
 *
 * <p>Valid keys are remembered for {@link #CACHE_TTL} (by hash, at most {@link #CACHE_SIZE}), which
 * saves a query per request; a revocation therefore takes effect within that time. Unknown and
 * revoked keys are never cached.
 */
public final class AuthHandler implements Handler {

    public static final String API_KEY_ATTRIBUTE = "fleetflow.apiKey";

    private static final Logger LOG = LoggerFactory.getLogger(AuthHandler.class);

    /** How long a valid key is trusted without asking the database again. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(5);

    /** Most keys remembered at once; the cache is emptied when it is full. */
    public static final int CACHE_SIZE = 10_000;

    private record Cached(ApiKey key, long expiresAtNanos) {}

    private final ApiKeyStore keys;
    private final SessionStore sessions;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AuthHandler(ApiKeyStore keys, SessionStore sessions) {
        this(keys, sessions, CACHE_TTL);
    }

    public AuthHandler(ApiKeyStore keys, SessionStore sessions, Duration cacheTtl) {
        this.keys = keys;
        this.sessions = sessions;
        this.cacheTtl = cacheTtl;
    }

    @Override
    public void handle(Context ctx) {
        if (Routes.SESSION.equals(ctx.path())) {
            return;
        }
        AccessPolicy.Access required = AccessPolicy.requiredAccess(ctx.method().name(), ctx.path());
        String header = ctx.header("Authorization");
        String cookie = ctx.cookie(SessionCookie.NAME);
        if (header == null && cookie != null) {
            ctx.attribute(API_KEY_ATTRIBUTE, sessionKey(ctx, cookie, required));
            return;
        }
        Optional<String> secret = AccessPolicy.bearerSecret(header);
        if (secret.isEmpty()) {
            throw denied(
                    header == null ? AccessPolicy.Denial.MISSING : AccessPolicy.Denial.MALFORMED,
                    required,
                    null);
        }
        Optional<ApiKey> key;
        try {
            key = lookUp(secret.get());
        } catch (SQLException e) {
            LOG.warn("Could not check an API key: {}", e.getMessage());
            throw ProblemException.serviceUnavailable(
                    "API keys cannot be checked right now; retry later", 5);
        }
        Optional<AccessPolicy.Denial> denial = AccessPolicy.check(key, required);
        if (denial.isPresent()) {
            throw denied(denial.get(), required, key.map(ApiKey::role).orElse(null));
        }
        ctx.attribute(API_KEY_ATTRIBUTE, key.get());
    }

    /** The key of the live session {@code cookie} names, when it may make this request. */
    private ApiKey sessionKey(Context ctx, String cookie, AccessPolicy.Access required) {
        Optional<Session> session;
        try {
            session = sessions.find(cookie);
        } catch (SQLException e) {
            LOG.warn("Could not check a session: {}", e.getMessage());
            throw ProblemException.serviceUnavailable(
                    "sessions cannot be checked right now; retry later", 5);
        }
        if (session.isEmpty()) {
            throw Session.ended();
        }
        ApiKey key = session.get().key();
        Optional<AccessPolicy.Denial> denial = AccessPolicy.check(Optional.of(key), required);
        if (denial.isPresent()) {
            throw denied(denial.get(), required, key.role());
        }
        Optional<String> refusal =
                CookieWriteCheck.refusal(
                        ctx.method().name(),
                        ctx.header(CookieWriteCheck.CSRF_HEADER),
                        SessionSecrets.csrfToken(cookie),
                        ctx.header("Origin"),
                        ownOrigin(ctx));
        if (refusal.isPresent()) {
            throw csrfRefused(refusal.get());
        }
        return key;
    }

    /** The gateway's origin as this request reached it (see {@link CookieWriteCheck#ownOrigin}). */
    static String ownOrigin(Context ctx) {
        return CookieWriteCheck.ownOrigin(
                ctx.scheme(), ctx.header("X-Forwarded-Proto"), ctx.header("Host"));
    }

    static ProblemException csrfRefused(String detail) {
        return new ProblemException(Problem.of("csrf", "Forbidden", 403, detail));
    }

    private Optional<ApiKey> lookUp(String secret) throws SQLException {
        if (cacheTtl.isZero()) {
            return keys.findBySecret(secret);
        }
        long now = System.nanoTime();
        Cached cached = cache.get(secret);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return Optional.of(cached.key());
        }
        Optional<ApiKey> key = keys.findBySecret(secret);
        if (key.isPresent() && !key.get().isRevoked()) {
            if (cache.size() >= CACHE_SIZE) {
                cache.clear();
            }
            cache.put(secret, new Cached(key.get(), now + cacheTtl.toNanos()));
        } else {
            cache.remove(secret);
        }
        return key;
    }

    static ProblemException denied(
            AccessPolicy.Denial denial, AccessPolicy.Access required, ApiKeyRole presented) {
        String detail =
                denial == AccessPolicy.Denial.WRONG_ROLE
                        ? AccessPolicy.wrongRoleDetail(required, presented)
                        : denial.detail();
        Problem problem =
                denial.status() == 401
                        ? Problem.of("unauthorized", "Unauthorized", 401, detail)
                        : Problem.of("forbidden", "Forbidden", 403, detail);
        return new ProblemException(
                problem,
                denial.status() == 401
                        ? Map.of("WWW-Authenticate", "Bearer realm=\"fleetflow\"")
                        : Map.of());
    }
}
