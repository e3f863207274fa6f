package io.fleetflow.gateway.app;

import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_AMQP_URI;
import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_DB_POOL_SIZE;
import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_DB_URL;
import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_DB_USER;
import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_HOST;
import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_MAX_BODY_BYTES;
import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_MAX_CONCURRENT_INGESTS;
import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_PORT;
import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_QUEUE;
import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_RELAY_STALE_AGE;
import static io.fleetflow.gateway.app.GatewayConfig.DEFAULT_SHUTDOWN_GRACE;

import io.fleetflow.model.ingest.PayloadLimits;
import java.time.Duration;
import java.util.Map;

/**
 * How the {@code FLEETFLOW_*} environment variables map onto a {@link GatewayConfig}: each
 * variable's name and default once (the README's configuration table lists them). Read once, at the
 * edge ({@link GatewayMain}, the admin tool, the launcher).
 */
final class GatewayEnvironment {

    private final Map<String, String> env;

    GatewayEnvironment(Map<String, String> env) {
        this.env = env;
    }

    GatewayConfig config() {
        return new GatewayConfig(
                text("FLEETFLOW_HTTP_HOST", DEFAULT_HOST),
                integer("FLEETFLOW_HTTP_PORT", DEFAULT_PORT),
                text("FLEETFLOW_DB_URL", DEFAULT_DB_URL),
                text("FLEETFLOW_DB_USER", DEFAULT_DB_USER),
                text("FLEETFLOW_DB_PASSWORD", ""),
                integer("FLEETFLOW_DB_POOL_SIZE", DEFAULT_DB_POOL_SIZE),
                text("FLEETFLOW_AMQP_URI", DEFAULT_AMQP_URI),
                text("FLEETFLOW_QUEUE", DEFAULT_QUEUE),
                new PayloadLimits(
                        integer("FLEETFLOW_MAX_SAMPLES", PayloadLimits.DEFAULT_MAX_SAMPLES),
                        Duration.ofSeconds(
                                whole(
                                        "FLEETFLOW_MAX_FUTURE_SKEW_S",
                                        PayloadLimits.DEFAULT_MAX_FUTURE_SKEW.toSeconds())),
                        PayloadLimits.DEFAULT_MAX_REPORTED_ERRORS),
                whole("FLEETFLOW_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
                millis("FLEETFLOW_PUBLISH_CONFIRM_TIMEOUT_MS", Duration.ofSeconds(5)),
                millis("FLEETFLOW_RELAY_INTERVAL_MS", Duration.ofSeconds(5)),
                millis("FLEETFLOW_RELAY_MIN_AGE_MS", Duration.ofSeconds(10)),
                Boolean.parseBoolean(text("FLEETFLOW_APPLY_SCHEMA", "true")),
                // Only an explicit "off" turns authentication off; anything else keeps it on.
                !"off".equalsIgnoreCase(text("FLEETFLOW_AUTH", "on").trim()),
                Boolean.parseBoolean(text("FLEETFLOW_DEV_CREDENTIALS", "false")),
                integer("FLEETFLOW_MAX_CONCURRENT_INGESTS", DEFAULT_MAX_CONCURRENT_INGESTS),
                millis("FLEETFLOW_RELAY_STALE_AGE_MS", DEFAULT_RELAY_STALE_AGE),
                millis("FLEETFLOW_SHUTDOWN_GRACE_MS", DEFAULT_SHUTDOWN_GRACE));
    }

    private String text(String name, String fallback) {
        return env.getOrDefault(name, fallback);
    }

    private int integer(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)));
    }

    private long whole(String name, long fallback) {
        return Long.parseLong(text(name, String.valueOf(fallback)));
    }

    private Duration millis(String name, Duration fallback) {
        return Duration.ofMillis(whole(name, fallback.toMillis()));
    }
}
