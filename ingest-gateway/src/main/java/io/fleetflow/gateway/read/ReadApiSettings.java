package io.fleetflow.gateway.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of the read side, read once from the environment.
 *
 * @param flinkRestUrl base URL of the Flink REST API ({@code FLEETFLOW_FLINK_REST_URL})
 * @param flinkWebUiUrl where operators open the Flink Web UI ({@code FLEETFLOW_FLINK_WEB_UI_URL},
 *     by default the REST URL, which serves the UI too)
 * @param dashboardDir directory of the built dashboard ({@code FLEETFLOW_DASHBOARD_DIR}, by default
 *     {@code dashboard/dist} when it exists), or {@code null} to serve no dashboard
 */
public record ReadApiSettings(String flinkRestUrl, String flinkWebUiUrl, Path dashboardDir) {

    public static final String DEFAULT_FLINK_REST_URL = "http://127.0.0.1:8081";
    public static final Path DEFAULT_DASHBOARD_DIR = Path.of("dashboard", "dist");

    public static ReadApiSettings fromEnvironment(Map<String, String> env) {
        String rest = env.getOrDefault("FLEETFLOW_FLINK_REST_URL", DEFAULT_FLINK_REST_URL);
        String ui =
                env.getOrDefault(
                        "FLEETFLOW_FLINK_WEB_UI_URL", rest.endsWith("/") ? rest : rest + "/");
        String dir = env.get("FLEETFLOW_DASHBOARD_DIR");
        Path dashboard =
                dir != null && !dir.isBlank()
                        ? Path.of(dir)
                        : (Files.isDirectory(DEFAULT_DASHBOARD_DIR) ? DEFAULT_DASHBOARD_DIR : null);
        return new ReadApiSettings(rest, ui, dashboard);
    }
}
