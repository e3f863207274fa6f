package io.fleetflow.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.pipeline.QueueDepthProbe;
import io.fleetflow.gateway.publish.RabbitTripPublisher;
import io.fleetflow.gateway.read.ReadApi;
import io.fleetflow.gateway.read.ReadApiSettings;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestServices;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The gateway serving a built dashboard next to its API, with deep links answered by the page. */
class DashboardFilesITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();

    @TempDir Path dist;
    private final HttpClient http = HttpClient.newHttpClient();
    private RabbitTripPublisher publisher;
    private QueueDepthProbe probe;
    private Javalin app;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dist.resolve("index.html"), "<!doctype html><title>FleetFlow</title>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/app-1234.js"), "console.log('fleetflow')");
        publisher =
                new RabbitTripPublisher(
                        TestServices.amqpUri(), "unused_dashboard_it", Duration.ofSeconds(1), 1);
        probe = new QueueDepthProbe(TestServices.amqpUri(), "unused_dashboard_it");
        app =
                TestGateway.readApp(
                        DB.dataSource(),
                        publisher,
                        ReadApi.controller(
                                DB.dataSource(),
                                probe,
                                new ReadApiSettings("http://127.0.0.1:1", "x", dist)),
                        new DashboardFiles(dist));
    }

    @AfterEach
    void stop() {
        app.stop();
        probe.close();
        publisher.close();
    }

    @Test
    void pagesAndAssetsAreServedAndApiPathsKeepTheirProblems() throws Exception {
        for (String page :
                new String[] {
                    "/",
                    "/drivers",
                    "/drivers/abc",
                    "/trips/xyz",
                    "/vehicles",
                    "/registry",
                    "/login"
                }) {
            HttpResponse<String> r = get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).contains("<title>FleetFlow</title>");
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        }
        HttpResponse<String> asset = get("/assets/app-1234.js");
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.body()).contains("fleetflow");

        HttpResponse<String> unknownApi = get("/api/v1/nothing");
        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(unknownApi.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(get("/api/v1/telemetry").statusCode()).isEqualTo(405);
        assertThat(get("/health/live").body()).contains("UP");
    }

    @Test
    void noDirectoryMeansNoDashboard() {
        assertThat(DashboardFiles.none().enabled()).isFalse();
        assertThat(new DashboardFiles(dist.resolve("missing")).enabled()).isFalse();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .header("Accept", "text/html,*/*")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
