package io.fleetflow.gateway.app;

import io.fleetflow.gateway.read.ReadApiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the read side needs beyond the database: the Flink REST API and the built dashboard. */
final class ReadOptions {

    static final GatewayOption<String> FLINK_REST_URL =
            GatewayOption.text(
                    "FLEETFLOW_FLINK_REST_URL",
                    "http://127.0.0.1:8081",
                    "Base URL of the Flink REST API the pipeline view asks for the job's state.");

    /** Not set: the REST URL (with a trailing slash), which serves the Web UI too. */
    static final GatewayOption<String> FLINK_WEB_UI_URL =
            GatewayOption.text(
                    "FLEETFLOW_FLINK_WEB_UI_URL",
                    null,
                    "URL of the Flink Web UI the dashboard links operators to.");

    /** Not set or blank: {@link #BUILT_DASHBOARD} when it exists, else no dashboard. */
    static final GatewayOption<Path> DASHBOARD_DIR =
            new GatewayOption<>(
                    "FLEETFLOW_DASHBOARD_DIR",
                    null,
                    text -> text == null || text.isBlank() ? null : Path.of(text),
                    "Directory of the built dashboard the gateway serves at /.");

    /** Where {@code npm run build} puts the dashboard, relative to the working directory. */
    static final Path BUILT_DASHBOARD = Path.of("dashboard", "dist");

    static final List<GatewayOption<?>> ALL =
            List.of(FLINK_REST_URL, FLINK_WEB_UI_URL, DASHBOARD_DIR);

    private ReadOptions() {}

    static ReadApiSettings settings(Map<String, String> env) {
        String rest = FLINK_REST_URL.read(env);
        String ui = FLINK_WEB_UI_URL.read(env);
        Path dashboard = DASHBOARD_DIR.read(env);
        if (dashboard == null && Files.isDirectory(BUILT_DASHBOARD)) {
            dashboard = BUILT_DASHBOARD;
        }
        return new ReadApiSettings(
                rest, ui != null ? ui : rest.endsWith("/") ? rest : rest + "/", dashboard);
    }
}
