package io.fleetflow.gateway.auth;

import static io.javalin.apibuilder.ApiBuilder.before;

import io.fleetflow.gateway.http.Routes;

/**
 * Authentication of the API in one piece: the before-handler on {@code /api/v1/*} ({@link
 * AuthHandler}: bearer keys and session cookies) and the sign-in routes ({@link
 * SessionController}).
 */
public record ApiAuthentication(AuthHandler handler, SessionController sessions) {

    /** Declares the before-handler and the session routes, inside an {@code apiBuilder} block. */
    public void routes() {
        before(Routes.API + "/*", handler);
        sessions.routes();
    }
}
