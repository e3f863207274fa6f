package io.fleetflow.gateway.app;

import io.fleetflow.gateway.alerts.AlertSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where and how alerts are delivered (docs/alerts.md). */
final class AlertOptions {

    /** Not set or blank: no webhook, alerts are stored and shown only. */
    static final GatewayOption<URI> WEBHOOK_URL =
            new GatewayOption<>(
                    "FLEETFLOW_ALERT_WEBHOOK_URL",
                    null,
                    text -> text == null || text.isBlank() ? null : URI.create(text.trim()),
                    "URL alerts are POSTed to as signed JSON; not set, alerts are only stored and"
                            + " shown.");

    static final GatewayOption<String> WEBHOOK_SECRET =
            GatewayOption.text(
                    "FLEETFLOW_ALERT_WEBHOOK_SECRET",
                    null,
                    "Key of the HMAC-SHA256 signature header of every delivery (text, required"
                            + " with a webhook URL).");

    static final GatewayOption<Duration> POLL_INTERVAL =
            GatewayOption.millis(
                    "FLEETFLOW_ALERT_POLL_INTERVAL_MS",
                    Duration.ofMillis(500),
                    "How often the dispatcher looks for alerts due for delivery, in ms.");

    static final GatewayOption<Duration> TIMEOUT =
            GatewayOption.millis(
                    "FLEETFLOW_ALERT_WEBHOOK_TIMEOUT_MS",
                    Duration.ofSeconds(5),
                    "How long one delivery may take before it counts as failed, in ms.");

    static final GatewayOption<Duration> RETRY_INITIAL =
            GatewayOption.millis(
                    "FLEETFLOW_ALERT_RETRY_INITIAL_MS",
                    Duration.ofSeconds(1),
                    "Wait after a first failed delivery, doubled after each further one, in ms.");

    static final GatewayOption<Duration> RETRY_MAX =
            GatewayOption.millis(
                    "FLEETFLOW_ALERT_RETRY_MAX_MS",
                    Duration.ofMinutes(5),
                    "Longest wait between two delivery attempts of an alert, in ms.");

    static final List<GatewayOption<?>> ALL =
            List.of(WEBHOOK_URL, WEBHOOK_SECRET, POLL_INTERVAL, TIMEOUT, RETRY_INITIAL, RETRY_MAX);

    private AlertOptions() {}

    static AlertSettings settings(Map<String, String> env) {
        return new AlertSettings(
                WEBHOOK_URL.read(env),
                WEBHOOK_SECRET.read(env),
                POLL_INTERVAL.read(env),
                TIMEOUT.read(env),
                RETRY_INITIAL.read(env),
                RETRY_MAX.read(env));
    }
}
