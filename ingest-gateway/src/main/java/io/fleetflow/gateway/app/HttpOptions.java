package io.fleetflow.gateway.app;

import java.time.Duration;
import java.util.List;

/** Where the gateway listens, who may call it, and how it stops. */
final class HttpOptions {

    static final GatewayOption<String> HOST =
            GatewayOption.text(
                    "FLEETFLOW_HTTP_HOST",
                    "127.0.0.1",
                    "Interface the gateway listens on (an address or host name).");

    static final GatewayOption<Integer> PORT =
            GatewayOption.integer("FLEETFLOW_HTTP_PORT", 8080, "TCP port of the HTTP API.");

    /** Only an explicit {@code off} turns authentication off; anything else keeps it on. */
    static final GatewayOption<Boolean> AUTH =
            new GatewayOption<>(
                    "FLEETFLOW_AUTH",
                    "on",
                    text -> !"off".equalsIgnoreCase(text.trim()),
                    "Whether /api/v1 needs API keys: on, or off for closed test setups.");

    static final GatewayOption<Boolean> DEV_CREDENTIALS =
            GatewayOption.flag(
                    "FLEETFLOW_DEV_CREDENTIALS",
                    false,
                    "Whether to create a device key and an operator token at start and print them"
                            + " (true or false).");

    static final GatewayOption<Duration> SESSION_TTL =
            GatewayOption.millis(
                    "FLEETFLOW_SESSION_TTL_MS",
                    Duration.ofHours(12),
                    "How long a dashboard sign-in (session cookie) lasts, in ms.");

    static final GatewayOption<Duration> SHUTDOWN_GRACE =
            GatewayOption.millis(
                    "FLEETFLOW_SHUTDOWN_GRACE_MS",
                    Duration.ofSeconds(20),
                    "How long a stopping gateway lets requests in flight finish, in ms.");

    static final List<GatewayOption<?>> ALL =
            List.of(HOST, PORT, AUTH, DEV_CREDENTIALS, SESSION_TTL, SHUTDOWN_GRACE);

    private HttpOptions() {}
}
