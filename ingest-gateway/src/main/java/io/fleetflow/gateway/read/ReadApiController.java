package io.fleetflow.gateway.read;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.fleetflow.gateway.http.Problem;
import io.fleetflow.gateway.http.ProblemException;
import io.fleetflow.gateway.http.Routes;
import io.fleetflow.gateway.pipeline.PipelineView;
import io.fleetflow.model.TripStatus;
import io.fleetflow.model.blob.MalformedBlobException;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The read API of docs/read-api.md: fleet summary, pipeline, drivers, trips and vehicles. Handlers
 * only parse parameters and shape answers; the SQL lives in the query classes.
 */
public final class ReadApiController {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 366;
    static final int DEFAULT_MAX_POINTS = 2_000;
    static final int MAX_POINTS = 20_000;
    private static final Set<String> STATUSES =
            Arrays.stream(TripStatus.values())
                    .map(Enum::name)
                    .collect(Collectors.toCollection(LinkedHashSet::new));

    private final FleetQueries fleet;
    private final DriverQueries drivers;
    private final TripQueries trips;
    private final TripSampleQueries tripSamples;
    private final PipelineView pipeline;

    public ReadApiController(
            FleetQueries fleet,
            DriverQueries drivers,
            TripQueries trips,
            TripSampleQueries tripSamples,
            PipelineView pipeline) {
        this.fleet = fleet;
        this.drivers = drivers;
        this.trips = trips;
        this.tripSamples = tripSamples;
        this.pipeline = pipeline;
    }

    /** Declares the routes (call inside the {@code api/v1} path of an {@code apiBuilder}). */
    public void routes() {
        get("fleet/summary", this::fleetSummary);
        get("pipeline", pipeline::show);
        get(Routes.below(Routes.API, Routes.DRIVERS), this::drivers);
        get(Routes.below(Routes.API, Routes.DRIVER), this::driver);
        get("trips", this::trips);
        get("trips/{tripId}", this::trip);
        get("trips/{tripId}/samples", this::samples);
        get(Routes.below(Routes.API, Routes.VEHICLES), this::vehicles);
    }

    void fleetSummary(Context ctx) {
        int days = intParam(ctx, "days", DEFAULT_DAYS, 1, MAX_DAYS);
        ctx.json(read(() -> fleet.summary(days)));
    }

    void drivers(Context ctx) {
        String sort = ctx.queryParamAsClass("sort", String.class).getOrDefault("score");
        if (!DriverQueries.SORTS.containsKey(sort)) {
            throw badParameter("sort must be one of " + DriverQueries.SORTS.keySet());
        }
        String order = ctx.queryParamAsClass("order", String.class).getOrDefault("desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw badParameter("order must be asc or desc");
        }
        String search = ctx.queryParam("search");
        ctx.json(Map.of("items", read(() -> drivers.list(search, sort, order.equals("asc")))));
    }

    void driver(Context ctx) {
        UUID id = pathId(ctx, "driverId", "driver");
        ctx.json(read(() -> drivers.detail(id)).orElseThrow(() -> notFound("driver", id)));
    }

    void trips(Context ctx) {
        String status = ctx.queryParam("status");
        if (status != null && !STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            throw badParameter("status must be one of " + STATUSES);
        }
        String cursor = ctx.queryParam("cursor");
        TripCursor after;
        try {
            after = cursor == null || cursor.isBlank() ? null : TripCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw badParameter("cursor is not one this API returned");
        }
        TripQueries.Filter filter =
                new TripQueries.Filter(
                        uuidParam(ctx, "driver_id"),
                        uuidParam(ctx, "vehicle_id"),
                        status == null ? null : status.toUpperCase(Locale.ROOT),
                        instantParam(ctx, "from"),
                        instantParam(ctx, "to"),
                        intParam(ctx, "limit", 50, 1, TripQueries.MAX_LIMIT),
                        after);
        ctx.json(read(() -> trips.list(filter)));
    }

    void trip(Context ctx) {
        UUID id = pathId(ctx, "tripId", "trip");
        ctx.json(read(() -> trips.detail(id)).orElseThrow(() -> notFound("trip", id)));
    }

    void samples(Context ctx) {
        UUID id = pathId(ctx, "tripId", "trip");
        int maxPoints = intParam(ctx, "max_points", DEFAULT_MAX_POINTS, 2, MAX_POINTS);
        Downsampler.Series series;
        try {
            TripSampleQueries.StoredSamples stored =
                    read(() -> tripSamples.samples(id)).orElseThrow(() -> notFound("trip", id));
            if (stored.dropped()) {
                throw new ProblemException(
                        Problem.of(
                                "samples-dropped",
                                "Samples dropped",
                                410,
                                "the raw samples of trip "
                                        + id
                                        + " were dropped by retention; its score, events and"
                                        + " summary remain"));
            }
            series = Downsampler.downsample(stored.samples(), maxPoints);
        } catch (MalformedBlobException e) {
            throw new ProblemException(
                    Problem.of(
                            "unreadable-samples",
                            "Unreadable samples",
                            500,
                            "the stored samples of trip " + id + " cannot be read"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("t_ms", series.tMs());
        body.put("speed_kmh", series.speedKmh());
        body.put("g_force_long", series.gForceLong());
        body.put("g_force_lat", series.gForceLat());
        body.put("g_force_vert", series.gForceVert()); // null when the device sends none
        body.put("sample_count", series.sampleCount());
        body.put("downsampled", series.downsampled());
        ctx.json(body);
    }

    void vehicles(Context ctx) {
        List<FleetQueries.Vehicle> items = read(fleet::vehicles);
        ctx.json(Map.of("items", items));
    }

    @FunctionalInterface
    private interface Read<T> {
        T get() throws SQLException;
    }

    private static <T> T read(Read<T> query) {
        try {
            return query.get();
        } catch (SQLException e) {
            throw ProblemException.serviceUnavailable(
                    "the database is unavailable; retry later", 5);
        }
    }

    private static UUID pathId(Context ctx, String param, String what) {
        String text = ctx.pathParam(param);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    Problem.of("not-found", "Not found", 404, "no " + what + " " + text));
        }
    }

    private static ProblemException notFound(String what, UUID id) {
        return new ProblemException(
                Problem.of("not-found", "Not found", 404, "no " + what + " " + id));
    }

    private static ProblemException badParameter(String detail) {
        return new ProblemException(
                Problem.of("invalid-parameter", "Invalid query parameter", 400, detail));
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw badParameter(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw badParameter(name + " must be an integer");
        }
    }

    private static UUID uuidParam(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw badParameter(name + " must be a UUID");
        }
    }

    private static Instant instantParam(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw badParameter(name + " must be an ISO-8601 time with a zone");
        }
    }
}
