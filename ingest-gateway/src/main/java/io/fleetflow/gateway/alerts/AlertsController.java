package io.fleetflow.gateway.alerts;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.fleetflow.gateway.auth.ApiKey;
import io.fleetflow.gateway.auth.AuthHandler;
import io.fleetflow.gateway.http.Problem;
import io.fleetflow.gateway.http.ProblemException;
import io.fleetflow.gateway.http.Routes;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/alerts?status=…} and {@code POST /api/v1/alerts/{alertId}/acknowledge}
 * (docs/alerts.md). Operator token only, as every read route: a device key gets 403 from the auth
 * handler. The acknowledgement records the acknowledging key's name and the time.
 */
public final class AlertsController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** Who acknowledged, when authentication is off and no key names the caller. */
    static final String ANONYMOUS = "anonymous (authentication off)";

    private final AlertStore store;

    public AlertsController(AlertStore store) {
        this.store = store;
    }

    /** Declares the routes (call inside the {@code api/v1} path of an {@code apiBuilder}). */
    public void routes() {
        get(Routes.below(Routes.API, Routes.ALERTS), this::list);
        post(Routes.below(Routes.API, Routes.ALERT_ACKNOWLEDGE), this::acknowledge);
    }

    void list(Context ctx) {
        String text = ctx.queryParam("status");
        AlertStatus status =
                text == null || text.isBlank() ? AlertStatus.OPEN : AlertStatus.parse(text.trim());
        if (status == null) {
            throw badParameter(
                    "status must be one of "
                            + Arrays.stream(AlertStatus.values())
                                    .map(AlertStatus::apiName)
                                    .toList());
        }
        int limit = limit(ctx.queryParam("limit"));
        List<Alert> items = database(() -> store.list(status, limit));
        ctx.json(Map.of("items", items));
    }

    void acknowledge(Context ctx) {
        String text = ctx.pathParam("alertId");
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw notFound(text);
        }
        ApiKey key = ctx.attribute(AuthHandler.API_KEY_ATTRIBUTE);
        String by = key == null ? ANONYMOUS : key.name();
        ctx.json(database(() -> store.acknowledge(id, by)).orElseThrow(() -> notFound(text)));
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw badParameter("limit must be an integer between 1 and " + MAX_LIMIT);
    }

    @FunctionalInterface
    private interface Query<T> {
        T get() throws SQLException;
    }

    private static <T> T database(Query<T> query) {
        try {
            return query.get();
        } catch (SQLException e) {
            throw ProblemException.serviceUnavailable(
                    "the database is unavailable; retry later", 5);
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, "no alert " + id));
    }

    private static ProblemException badParameter(String detail) {
        return new ProblemException(
                Problem.of("invalid-parameter", "Invalid query parameter", 400, detail));
    }
}
