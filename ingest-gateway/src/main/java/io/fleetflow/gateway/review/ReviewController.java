package io.fleetflow.gateway.review;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.auth.ApiKey;
import io.fleetflow.gateway.auth.AuthHandler;
import io.fleetflow.gateway.http.Problem;
import io.fleetflow.gateway.http.ProblemException;
import io.fleetflow.gateway.http.RequestBodies;
import io.fleetflow.gateway.http.Routes;
import io.fleetflow.model.EventType;
import io.fleetflow.model.Severity;
import io.fleetflow.model.ingest.FieldError;
import io.fleetflow.model.review.ReviewStatus;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The safety inbox's routes: the events list with filters, an event's review with its activity log,
 * and a change of it (POST, JSON, operator token via {@link
 * io.fleetflow.gateway.auth.AccessPolicy}; the key's name is recorded as who). Every bad field is
 * named in one problem+json and nothing is stored.
 */
public final class ReviewController {

    /** Largest JSON body of one review. */
    public static final int MAX_JSON_BYTES = 16 * 1024;

    static final String ANONYMOUS = "anonymous (authentication off)";

    static final int DEFAULT_LIMIT = 50;

    private final ReviewStore store;
    private final EventInbox inbox;
    private final ObjectMapper mapper;

    public ReviewController(ReviewStore store, EventInbox inbox, ObjectMapper mapper) {
        this.store = store;
        this.inbox = inbox;
        this.mapper = mapper;
    }

    /** The controller with its store and list on one database. */
    public static ReviewController of(DataSource dataSource, ObjectMapper mapper) {
        return new ReviewController(
                new ReviewStore(dataSource), new EventInbox(dataSource), mapper);
    }

    /** Declares the routes (call inside the {@code api/v1} path of an {@code apiBuilder}). */
    public void routes() {
        String path = Routes.below(Routes.API, Routes.EVENT_REVIEW);
        get(path, this::getReview);
        post(path, this::postReview);
        get(Routes.below(Routes.API, Routes.EVENTS), this::listEvents);
    }

    void listEvents(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        ReviewStatus status = null;
        String statusText = ctx.queryParam("status");
        if (statusText != null && !statusText.isEmpty()) {
            status = ReviewStatus.fromWireName(statusText).orElse(null);
            if (status == null) {
                errors.add(
                        new FieldError(
                                "/query/status",
                                "must be one of " + String.join(", ", ReviewStatus.wireNames())));
            }
        }
        UUID driverId = uuidParam(ctx, "driver_id", errors);
        UUID vehicleId = uuidParam(ctx, "vehicle_id", errors);
        String type = enumParam(ctx, "type", names(EventType.values()), errors);
        String severity = enumParam(ctx, "severity", names(Severity.values()), errors);
        Instant from = instantParam(ctx, "from", errors);
        Instant to = instantParam(ctx, "to", errors);
        EventInbox.Cursor after = null;
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            try {
                after = EventInbox.Cursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("/query/cursor", "is not one this API returned"));
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitText = ctx.queryParam("limit");
        if (limitText != null && !limitText.isEmpty()) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > EventInbox.MAX_LIMIT) {
                errors.add(
                        new FieldError(
                                "/query/limit",
                                "must be an integer from 1 to " + EventInbox.MAX_LIMIT));
            }
        }
        requireValid(errors, "invalid-parameter", "Invalid query parameter", "the query");
        EventInbox.Filter filter =
                new EventInbox.Filter(
                        status, driverId, vehicleId, type, severity, from, to, after, limit);
        ctx.json(db(() -> inbox.list(filter)));
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static UUID uuidParam(Context ctx, String name, List<FieldError> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        errors.add(new FieldError("/query/" + name, "must be a UUID"));
        return null;
    }

    private static String enumParam(
            Context ctx, String name, List<String> allowed, List<FieldError> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!allowed.contains(text)) {
            errors.add(
                    new FieldError(
                            "/query/" + name, "must be one of " + String.join(", ", allowed)));
            return null;
        }
        return text;
    }

    private static Instant instantParam(Context ctx, String name, List<FieldError> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(
                    new FieldError(
                            "/query/" + name,
                            "must be an ISO-8601 instant (2026-01-31T00:00:00Z)"));
            return null;
        }
    }

    void getReview(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        UUID tripId = tripId(ctx, errors);
        Integer seq = seq(ctx, errors);
        requireValid(errors, "invalid-parameter", "Invalid path parameter", "the path");
        ctx.json(
                db(() -> store.reviewWithLog(tripId, seq))
                        .orElseThrow(() -> notFound("no event " + seq + " in trip " + tripId)));
    }

    void postReview(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        UUID tripId = tripId(ctx, errors);
        Integer seq = seq(ctx, errors);
        ReviewInput input =
                ReviewRules.input(RequestBodies.json(ctx, mapper, MAX_JSON_BYTES), errors);
        requireValid(errors, "invalid-review", "Invalid review", "the review");
        ReviewStore.Outcome outcome = db(() -> store.review(tripId, seq, input, who(ctx)));
        if (outcome.missing() == ReviewStore.Missing.TRIP) {
            throw notFound("no trip " + tripId);
        }
        if (outcome.missing() == ReviewStore.Missing.EVENT) {
            throw notFound("trip " + tripId + " has no event " + seq);
        }
        ctx.status(202).json(outcome.saved());
    }

    private static UUID tripId(Context ctx, List<FieldError> errors) {
        try {
            String text = ctx.pathParam("tripId");
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        errors.add(new FieldError("/path/tripId", "must be a UUID"));
        return null;
    }

    private static Integer seq(Context ctx, List<FieldError> errors) {
        try {
            int seq = Integer.parseInt(ctx.pathParam("seq"));
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(new FieldError("/path/seq", "must be a non-negative integer"));
        return null;
    }

    private static String who(Context ctx) {
        ApiKey key = ctx.attribute(AuthHandler.API_KEY_ATTRIBUTE);
        return key == null ? ANONYMOUS : key.name();
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, detail));
    }

    private static void requireValid(
            List<FieldError> errors, String slug, String title, String what) {
        if (errors.isEmpty()) {
            return;
        }
        String detail =
                errors.size() == 1
                        ? "1 problem in " + what
                        : errors.size() + " problems in " + what;
        throw new ProblemException(new Problem("/problems/" + slug, title, 400, detail, errors));
    }

    @FunctionalInterface
    private interface Query<T> {
        T get() throws SQLException;
    }

    private static <T> T db(Query<T> query) {
        try {
            return query.get();
        } catch (SQLException e) {
            throw ProblemException.serviceUnavailable(
                    "the database is unavailable; retry later", 5);
        }
    }
}
