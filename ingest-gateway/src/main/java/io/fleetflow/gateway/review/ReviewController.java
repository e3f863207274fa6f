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
import io.fleetflow.model.ingest.FieldError;
import io.javalin.http.Context;
import java.sql.SQLException;
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
        EventInbox.Filter filter = InboxQuery.parse(ctx::queryParam, errors);
        requireValid(errors, "invalid-parameter", "Invalid query parameter", "the query");
        ctx.json(db(() -> inbox.list(filter)));
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
