package io.fleetflow.launcher;

import io.fleetflow.gateway.app.DevCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the launcher prints once everything runs. Every line is {@code " <label> <value>"}: tests
 * and scripts read the URLs and credentials from it, so keep the labels stable. No secret is put in
 * a URL (addresses end up in browser history, proxy logs and Referer headers): the dashboard's
 * address is printed plainly and the operator token on its own line, to paste into the dashboard's
 * sign-in screen.
 */
public record Banner(
        String gatewayBaseUrl,
        String flinkUiUrl,
        Optional<DevCredentials> credentials,
        String database,
        String broker,
        String simulator,
        String dataDir) {

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("FleetFlow is running.");
        lines.add(line("Dashboard", gatewayBaseUrl + "/"));
        lines.add(line("Ingest API", gatewayBaseUrl + "/api/v1/telemetry"));
        lines.add(line("Health", gatewayBaseUrl + "/health/ready"));
        lines.add(line("Flink Web UI", flinkUiUrl));
        credentials.ifPresent(
                c -> {
                    lines.add(line("Device API key", c.deviceKey()));
                    lines.add(line("Operator token", c.operatorToken()));
                    lines.add("  (sign in to the dashboard with the operator token)");
                });
        lines.add(line("PostgreSQL", database));
        lines.add(line("AMQP broker", broker));
        lines.add(line("Simulator", simulator));
        lines.add(line("Data directory", dataDir));
        lines.add("Press Ctrl-C to stop.");
        lines.add("");
        return lines;
    }

    private static String line(String label, String value) {
        return "  " + label + "  " + value;
    }
}
