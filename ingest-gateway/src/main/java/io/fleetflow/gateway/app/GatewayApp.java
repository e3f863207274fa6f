package io.fleetflow.gateway.app;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fleetflow.gateway.alerts.AlertsController;
import io.fleetflow.gateway.auth.ApiAuthentication;
import io.fleetflow.gateway.dashboard.DashboardFiles;
import io.fleetflow.gateway.http.Problem;
import io.fleetflow.gateway.http.ProblemException;
import io.fleetflow.gateway.http.RequestIds;
import io.fleetflow.gateway.http.Routes;
import io.fleetflow.gateway.ingest.TelemetryController;
import io.fleetflow.gateway.ops.ConcurrencyLimit;
import io.fleetflow.gateway.ops.GatewayMetrics;
import io.fleetflow.gateway.ops.HealthController;
import io.fleetflow.gateway.ops.OpsController;
import io.fleetflow.gateway.read.ReadApiController;
import io.fleetflow.gateway.registry.RegistryController;
import io.fleetflow.gateway.review.ReviewController;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Builds the gateway's HTTP application from its collaborators, without starting it. */
public final class GatewayApp {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayApp.class);

    /** Context attribute holding the slug of the problem answered, for metrics. */
    static final String PROBLEM_ATTRIBUTE = "fleetflow.problem";

    /** Route label of requests that matched no route, to keep metric labels bounded. */
    static final String UNMATCHED_ROUTE = "unmatched";

    /**
     * The gateway's cross-cutting parts.
     *
     * @param auth checks API keys and sessions on {@code /api/v1/*} and declares the session
     *     routes; {@code null} when authentication is off
     * @param ingestLimit bounds concurrent ingests
     * @param shutdownGrace how long stopping waits for in-flight requests
     * @param statistics counts requests in flight; stopping waits for them
     */
    public record Operations(
            ApiAuthentication auth,
            GatewayMetrics metrics,
            ConcurrencyLimit ingestLimit,
            OpsController ops,
            Duration shutdownGrace,
            StatisticsHandler statistics) {

        /** No authentication, no limit worth mentioning: for tests of the routes alone. */
        public static Operations unauthenticated() {
            GatewayMetrics metrics = new GatewayMetrics();
            return new Operations(
                    null,
                    metrics,
                    new ConcurrencyLimit(
                            IngestOptions.MAX_CONCURRENT_INGESTS.defaultValue(), metrics),
                    new OpsController(metrics),
                    Duration.ofSeconds(5),
                    new StatisticsHandler());
        }
    }

    private GatewayApp() {}

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    public static Javalin create(
            TelemetryController telemetry, HealthController health, ObjectMapper mapper) {
        return create(
                telemetry,
                health,
                null,
                null,
                null,
                null,
                null,
                mapper,
                Operations.unauthenticated());
    }

    public static Javalin create(
            TelemetryController telemetry,
            HealthController health,
            ObjectMapper mapper,
            Operations ops) {
        return create(telemetry, health, null, null, null, null, null, mapper, ops);
    }

    public static Javalin create(
            TelemetryController telemetry,
            HealthController health,
            ReadApiController read,
            DashboardFiles dashboard,
            ObjectMapper mapper) {
        return create(
                telemetry,
                health,
                read,
                null,
                null,
                null,
                dashboard,
                mapper,
                Operations.unauthenticated());
    }

    /**
     * The whole application. {@code read}, {@code registry}, {@code review}, {@code alerts} and
     * {@code dashboard} may be null (ingest-only tests).
     */
    public static Javalin create(
            TelemetryController telemetry,
            HealthController health,
            ReadApiController read,
            RegistryController registry,
            ReviewController review,
            AlertsController alerts,
            DashboardFiles dashboard,
            ObjectMapper mapper,
            Operations ops) {
        Javalin app =
                Javalin.create(
                        config -> {
                            config.showJavalinBanner = false;
                            config.http.prefer405over404 = true;
                            config.jsonMapper(new JavalinJackson(mapper, false));
                            config.jetty.modifyServer(
                                    server -> {
                                        // Graceful stop: refuse new connections, then wait for
                                        // the requests in flight, at most the grace period.
                                        server.setHandler(ops.statistics());
                                        server.setStopTimeout(ops.shutdownGrace().toMillis());
                                    });
                            config.requestLogger.http(
                                    (ctx, ms) -> finished(ctx, ms, ops.metrics()));
                            if (dashboard != null) {
                                dashboard.configure(config);
                            }
                            config.router.apiBuilder(
                                    () -> {
                                        before(GatewayApp::assignRequestId);
                                        if (ops.auth() != null) {
                                            ops.auth().routes();
                                        }
                                        path(
                                                Routes.API,
                                                () -> {
                                                    post(
                                                            Routes.below(Routes.API, Routes.INGEST),
                                                            ops.ingestLimit()
                                                                    .wrap(telemetry::ingest));
                                                    if (read != null) {
                                                        read.routes();
                                                    }
                                                    if (registry != null) {
                                                        registry.routes();
                                                    }
                                                    if (review != null) {
                                                        review.routes();
                                                    }
                                                    if (alerts != null) {
                                                        alerts.routes();
                                                    }
                                                });
                                        path(
                                                Routes.HEALTH,
                                                () -> {
                                                    get(
                                                            Routes.below(
                                                                    Routes.HEALTH,
                                                                    Routes.HEALTH_LIVE),
                                                            health::live);
                                                    get(
                                                            Routes.below(
                                                                    Routes.HEALTH,
                                                                    Routes.HEALTH_READY),
                                                            health::ready);
                                                });
                                        get(Routes.METRICS, ops.ops()::metrics);
                                        get(Routes.OPENAPI, ops.ops()::openApi);
                                        if (dashboard != null) {
                                            dashboard.routes();
                                        }
                                    });
                        });
        app.exception(
                ProblemException.class,
                (e, ctx) -> {
                    e.headers().forEach(ctx::header);
                    problem(ctx, e.problem());
                });
        app.exception(
                Exception.class,
                (e, ctx) -> {
                    LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
                    problem(
                            ctx,
                            Problem.of(
                                    "internal-error",
                                    "Internal error",
                                    500,
                                    "an unexpected error occurred"));
                });
        app.error(
                404,
                ctx -> {
                    if (!isProblem(ctx)) {
                        problem(
                                ctx,
                                Problem.of(
                                        "not-found",
                                        "Not found",
                                        404,
                                        "no route " + ctx.method() + " " + ctx.path()));
                    }
                });
        app.error(
                405,
                ctx -> {
                    if (!isProblem(ctx)) {
                        problem(
                                ctx,
                                Problem.of(
                                        "method-not-allowed",
                                        "Method not allowed",
                                        405,
                                        ctx.method() + " is not allowed on " + ctx.path()));
                    }
                });
        return app;
    }

    private static void assignRequestId(Context ctx) {
        String id = RequestIds.choose(ctx.header(RequestIds.HEADER));
        ctx.header(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
    }

    private static void finished(Context ctx, float ms, GatewayMetrics metrics) {
        try {
            String route = route(ctx);
            int status = ctx.statusCode();
            metrics.recordRequest(ctx.method().name(), route, status, ms / 1000.0);
            if (status >= 400 && route.equals(Routes.INGEST)) {
                Object problem = ctx.attribute(PROBLEM_ATTRIBUTE);
                metrics.tripRejected(problem == null ? "status_" + status : problem.toString());
            } else if (status == 202 && route.equals(Routes.INGEST)) {
                metrics.tripAccepted();
            }
            if (status >= 500) {
                LOG.warn("{} {} answered {} in {} ms", ctx.method(), ctx.path(), status, ms);
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static String route(Context ctx) {
        String matched = null;
        try {
            matched = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            // no endpoint matched this request
        }
        return matched == null || matched.isEmpty() || matched.equals("*")
                ? UNMATCHED_ROUTE
                : matched;
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }

    private static void problem(Context ctx, Problem problem) {
        String type = problem.type();
        ctx.attribute(PROBLEM_ATTRIBUTE, type.substring(type.lastIndexOf('/') + 1));
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }
}
