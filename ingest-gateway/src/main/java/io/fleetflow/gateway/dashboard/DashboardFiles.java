package io.fleetflow.gateway.dashboard;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the built dashboard: its files from the directory, and {@code index.html} for every page
 * route of the single-page app, so a reload or a shared link on a deep page works. API and health
 * paths are never answered with the page; an absent directory serves nothing.
 */
public final class DashboardFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardFiles.class);

    /** The dashboard's client-side routes (see dashboard/src/app/router.tsx). */
    public static final List<String> PAGE_ROUTES =
            List.of(
                    "/",
                    "/drivers",
                    "/drivers/{id}",
                    "/trips/{id}",
                    "/vehicles",
                    "/registry",
                    "/inbox",
                    "/login");

    private final Path directory;

    public DashboardFiles(Path directory) {
        this.directory = directory;
    }

    public static DashboardFiles none() {
        return new DashboardFiles(null);
    }

    public boolean enabled() {
        return directory != null && Files.isRegularFile(directory.resolve("index.html"));
    }

    /** Adds the static files to the app's configuration (call inside {@code Javalin.create}). */
    public void configure(JavalinConfig config) {
        if (!enabled()) {
            if (directory != null) {
                LOG.warn("No dashboard at {} (build it with npm run build)", directory);
            }
            return;
        }
        config.staticFiles.add(
                files -> {
                    files.hostedPath = "/";
                    files.directory = directory.toAbsolutePath().toString();
                    files.location = Location.EXTERNAL;
                });
        LOG.info("Serving the dashboard from {}", directory.toAbsolutePath());
    }

    /** Declares the page routes (call inside an {@code apiBuilder} block, at the root). */
    public void routes() {
        if (enabled()) {
            PAGE_ROUTES.forEach(page -> get(page, this::index));
        }
    }

    private void index(Context ctx) {
        try {
            ctx.contentType("text/html; charset=utf-8")
                    .header("Cache-Control", "no-cache")
                    .result(Files.readAllBytes(directory.resolve("index.html")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
