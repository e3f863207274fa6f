package io.fleetflow.gateway.read;

import java.nio.file.Path;

/**
 * Settings of the read side, read once from the environment by the app's {@code
 * GatewayEnvironment}.
 *
 * @param flinkRestUrl base URL of the Flink REST API ({@code FLEETFLOW_FLINK_REST_URL})
 * @param flinkWebUiUrl where operators open the Flink Web UI ({@code FLEETFLOW_FLINK_WEB_UI_URL},
 *     by default the REST URL, which serves the UI too)
 * @param dashboardDir directory of the built dashboard ({@code FLEETFLOW_DASHBOARD_DIR}, by default
 *     {@code dashboard/dist} when it exists), or {@code null} to serve no dashboard
 */
public record ReadApiSettings(String flinkRestUrl, String flinkWebUiUrl, Path dashboardDir) {}
