package io.fleetflow.gateway.auth;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.http.Problem;
import io.fleetflow.gateway.http.ProblemException;
import io.fleetflow.gateway.http.RequestBodies;
import io.fleetflow.gateway.http.Routes;
import io.fleetflow.model.ingest.FieldError;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Routes#SESSION}: the dashboard's sign-in. POST exchanges a viewer or operator token for a
 * session ({@link SessionStore}) whose id goes into the HttpOnly cookie ({@link SessionCookie});
 * GET says whose session the cookie opens; DELETE ends it. Signing in again ends the session the
 * browser's cookie named, so each browser holds one session. The answers carry the session's CSRF
 * token, which the dashboard sends on writes ({@link CookieWriteCheck}).
 */
public final class SessionController {

    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);

    /** Largest sign-in body read, in bytes. */
    private static final int MAX_BODY_BYTES = 4096;

    /** Longest token accepted, as for a bearer key. */
    private static final int MAX_TOKEN_LENGTH = 200;

    /** Who signed in, until when, and the CSRF token for writes. */
    public record SessionView(String keyName, String role, Instant expiresAt, String csrfToken) {

        static SessionView of(Session session, String id) {
            return new SessionView(
                    session.key().name(),
                    session.key().role().name(),
                    session.expiresAt(),
                    SessionSecrets.csrfToken(id));
        }
    }

    private final ApiKeyStore keys;
    private final SessionStore sessions;
    private final Duration ttl;
    private final ObjectMapper mapper;

    public SessionController(
            ApiKeyStore keys, SessionStore sessions, Duration ttl, ObjectMapper mapper) {
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("a session must last at least a second");
        }
        this.keys = keys;
        this.sessions = sessions;
        this.ttl = ttl;
        this.mapper = mapper;
    }

    /** Declares the three operations, inside an {@code apiBuilder} block. */
    public void routes() {
        post(Routes.SESSION, this::open);
        get(Routes.SESSION, this::show);
        delete(Routes.SESSION, this::end);
    }

    void open(Context ctx) {
        CookieWriteCheck.foreignOrigin(ctx.header("Origin"), AuthHandler.ownOrigin(ctx))
                .ifPresent(
                        refusal -> {
                            throw AuthHandler.csrfRefused(refusal);
                        });
        String token = token(ctx);
        Optional<ApiKey> key = db(() -> keys.findBySecret(token));
        Optional<AccessPolicy.Denial> denial = AccessPolicy.check(key, AccessPolicy.Access.READ);
        if (denial.isPresent()) {
            throw AuthHandler.denied(
                    denial.get(), AccessPolicy.Access.READ, key.map(ApiKey::role).orElse(null));
        }
        // A new sign-in replaces the session this browser had: that one ends now, not at expiry.
        String previous = ctx.cookie(SessionCookie.NAME);
        if (previous != null) {
            db(() -> sessions.end(previous));
        }
        SessionStore.Opened opened = db(() -> sessions.open(key.get(), ttl));
        ctx.header("Set-Cookie", SessionCookie.set(opened.id(), ttl, secure(ctx)));
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(SessionView.of(opened.session(), opened.id()));
    }

    void show(Context ctx) {
        String id = ctx.cookie(SessionCookie.NAME);
        Optional<Session> session = id == null ? Optional.empty() : db(() -> sessions.find(id));
        if (session.isEmpty() && id != null) {
            throw Session.ended();
        }
        if (session.isEmpty()) {
            throw new ProblemException(
                    Problem.of(
                            "unauthorized",
                            "Unauthorized",
                            401,
                            "no session: sign in with POST " + Routes.SESSION));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(SessionView.of(session.get(), id));
    }

    void end(Context ctx) {
        String id = ctx.cookie(SessionCookie.NAME);
        if (id != null && db(() -> sessions.find(id)).isPresent()) {
            CookieWriteCheck.refusal(
                            "DELETE",
                            ctx.header(CookieWriteCheck.CSRF_HEADER),
                            SessionSecrets.csrfToken(id),
                            ctx.header("Origin"),
                            AuthHandler.ownOrigin(ctx))
                    .ifPresent(
                            refusal -> {
                                throw AuthHandler.csrfRefused(refusal);
                            });
            db(() -> sessions.end(id));
        }
        ctx.header("Set-Cookie", SessionCookie.clear(secure(ctx)));
        ctx.status(204);
    }

    private String token(Context ctx) {
        JsonNode token = RequestBodies.json(ctx, mapper, MAX_BODY_BYTES).get("token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw invalid("/token", "required: a viewer or operator token");
        }
        String text = token.asText().trim();
        if (text.length() > MAX_TOKEN_LENGTH) {
            throw invalid("/token", "longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        return text;
    }

    private static ProblemException invalid(String pointer, String message) {
        return new ProblemException(
                new Problem(
                        "/problems/invalid-body",
                        "Invalid request body",
                        400,
                        "1 problem in the request body",
                        List.of(new FieldError(pointer, message))));
    }

    private static boolean secure(Context ctx) {
        return CookieWriteCheck.secure(ctx.scheme(), ctx.header("X-Forwarded-Proto"));
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T db(Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            LOG.warn("Sessions unavailable: {}", e.getMessage());
            throw ProblemException.serviceUnavailable(
                    "sessions cannot be checked right now; retry later", 5);
        }
    }
}
