package io.fleetflow.gateway.app;

import io.fleetflow.gateway.alerts.AlertSettings;
import io.fleetflow.gateway.read.ReadApiSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the {@code FLEETFLOW_*} environment variables map onto a {@link GatewayConfig}, the {@link
 * ReadApiSettings} and the {@link AlertSettings}: every variable is one {@link GatewayOption} in
 * the options class of its concern (the README's configuration table lists them; a test holds the
 * two together). Read once, at the edge: {@link GatewayMain}, the admin tool, the launcher.
 */
public final class GatewayEnvironment {

    /** Every variable the gateway reads. */
    static final List<GatewayOption<?>> ALL =
            Stream.of(
                            HttpOptions.ALL,
                            IngestOptions.ALL,
                            DatabaseOptions.ALL,
                            PublishOptions.ALL,
                            ReadOptions.ALL,
                            StorageOptions.ALL,
                            AlertOptions.ALL)
                    .flatMap(List::stream)
                    .toList();

    private GatewayEnvironment() {}

    public static GatewayConfig gatewayConfig(Map<String, String> env) {
        return new GatewayConfig(
                HttpOptions.HOST.read(env),
                HttpOptions.PORT.read(env),
                DatabaseOptions.URL.read(env),
                DatabaseOptions.USER.read(env),
                DatabaseOptions.PASSWORD.read(env),
                DatabaseOptions.POOL_SIZE.read(env),
                PublishOptions.AMQP_URI.read(env),
                PublishOptions.QUEUE.read(env),
                IngestOptions.payloadLimits(env),
                IngestOptions.MAX_BODY_BYTES.read(env),
                PublishOptions.CONFIRM_TIMEOUT.read(env),
                PublishOptions.RELAY_INTERVAL.read(env),
                PublishOptions.RELAY_MIN_AGE.read(env),
                DatabaseOptions.APPLY_SCHEMA.read(env),
                HttpOptions.AUTH.read(env),
                HttpOptions.DEV_CREDENTIALS.read(env),
                IngestOptions.MAX_CONCURRENT_INGESTS.read(env),
                PublishOptions.RELAY_STALE_AGE.read(env),
                HttpOptions.SHUTDOWN_GRACE.read(env),
                StorageOptions.retention(StorageOptions.RAW_RETENTION_DAYS.read(env)),
                StorageOptions.MAINTENANCE_INTERVAL.read(env),
                HttpOptions.SESSION_TTL.read(env));
    }

    public static ReadApiSettings readApiSettings(Map<String, String> env) {
        return ReadOptions.settings(env);
    }

    /** Alert delivery; throws when a webhook URL comes without its secret. */
    public static AlertSettings alertSettings(Map<String, String> env) {
        return AlertOptions.settings(env);
    }
}
