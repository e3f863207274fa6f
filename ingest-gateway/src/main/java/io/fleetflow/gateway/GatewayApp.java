package io.fleetflow.gateway;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fleetflow.gateway.read.DashboardFiles;
import io.fleetflow.gateway.read.ReadApiController;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the gateway's HTTP application from its collaborators, without starting it. */
public final class GatewayApp {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayApp.class);

    private GatewayApp() {}

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    public static Javalin create(
            TelemetryController telemetry,
            HealthController health,
            ReadApiController read,
            DashboardFiles dashboard,
            ObjectMapper mapper) {
        Javalin app =
                Javalin.create(
                        config -> {
                            config.showJavalinBanner = false;
                            config.http.prefer405over404 = true;
                            config.jsonMapper(new JavalinJackson(mapper, false));
                            dashboard.configure(config);
                            config.router.apiBuilder(
                                    () -> {
                                        path(
                                                "api/v1",
                                                () -> {
                                                    post("telemetry", telemetry::ingest);
                                                    read.routes();
                                                });
                                        path(
                                                "health",
                                                () -> {
                                                    get("live", health::live);
                                                    get("ready", health::ready);
                                                });
                                        dashboard.routes();
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

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }
}
