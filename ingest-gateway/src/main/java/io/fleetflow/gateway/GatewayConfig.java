package io.fleetflow.gateway;

import io.fleetflow.model.PayloadLimits;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's settings, read once from the environment. Immutable.
 *
 * @param httpHost interface to listen on
 * @param httpPort TCP port of the HTTP API
 * @param dbUrl JDBC URL of the PostgreSQL database holding the {@code telemetry} schema
 * @param amqpUri AMQP 0-9-1 URI of the broker, e.g. {@code amqp://guest:guest@127.0.0.1:5672/%2F}
 * @param queue name of the durable queue the scoring job consumes
 * @param maxBodyBytes largest request body accepted, after decompression, in bytes
 * @param publishConfirmTimeout how long to wait for the broker to confirm one publish
 * @param relayInterval how often the relay looks for trips whose id never reached the broker
 * @param relayMinAge how old an unpublished trip must be before the relay publishes it
 * @param applySchema whether to apply {@code sql/init.sql} at start (it is idempotent)
 */
public record GatewayConfig(
        String httpHost,
        int httpPort,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        String amqpUri,
        String queue,
        PayloadLimits payloadLimits,
        long maxBodyBytes,
        Duration publishConfirmTimeout,
        Duration relayInterval,
        Duration relayMinAge,
        boolean applySchema) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DB_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String DEFAULT_DB_USER = "postgres";
    public static final int DEFAULT_DB_POOL_SIZE = 16;
    public static final String DEFAULT_AMQP_URI = "amqp://guest:guest@127.0.0.1:5672/%2F";
    public static final String DEFAULT_QUEUE = "telemetry_analysis";
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

    public GatewayConfig {
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(amqpUri, "amqpUri");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(payloadLimits, "payloadLimits");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort out of range: " + httpPort);
        }
        if (dbPoolSize < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("dbPoolSize and maxBodyBytes must be positive");
        }
    }

    /** Reads {@code FLEETFLOW_*} variables; see the README's configuration table. */
    public static GatewayConfig fromEnvironment(Map<String, String> env) {
        return new GatewayConfig(
                env.getOrDefault("FLEETFLOW_HTTP_HOST", DEFAULT_HOST),
                Integer.parseInt(
                        env.getOrDefault("FLEETFLOW_HTTP_PORT", String.valueOf(DEFAULT_PORT))),
                env.getOrDefault("FLEETFLOW_DB_URL", DEFAULT_DB_URL),
                env.getOrDefault("FLEETFLOW_DB_USER", DEFAULT_DB_USER),
                env.getOrDefault("FLEETFLOW_DB_PASSWORD", ""),
                Integer.parseInt(
                        env.getOrDefault(
                                "FLEETFLOW_DB_POOL_SIZE", String.valueOf(DEFAULT_DB_POOL_SIZE))),
                env.getOrDefault("FLEETFLOW_AMQP_URI", DEFAULT_AMQP_URI),
                env.getOrDefault("FLEETFLOW_QUEUE", DEFAULT_QUEUE),
                new PayloadLimits(
                        Integer.parseInt(
                                env.getOrDefault(
                                        "FLEETFLOW_MAX_SAMPLES",
                                        String.valueOf(PayloadLimits.DEFAULT_MAX_SAMPLES))),
                        Duration.ofSeconds(
                                Long.parseLong(
                                        env.getOrDefault(
                                                "FLEETFLOW_MAX_FUTURE_SKEW_S",
                                                String.valueOf(
                                                        PayloadLimits.DEFAULT_MAX_FUTURE_SKEW
                                                                .toSeconds())))),
                        PayloadLimits.DEFAULT_MAX_REPORTED_ERRORS),
                Long.parseLong(
                        env.getOrDefault(
                                "FLEETFLOW_MAX_BODY_BYTES",
                                String.valueOf(DEFAULT_MAX_BODY_BYTES))),
                Duration.ofMillis(
                        Long.parseLong(
                                env.getOrDefault("FLEETFLOW_PUBLISH_CONFIRM_TIMEOUT_MS", "5000"))),
                Duration.ofMillis(
                        Long.parseLong(env.getOrDefault("FLEETFLOW_RELAY_INTERVAL_MS", "5000"))),
                Duration.ofMillis(
                        Long.parseLong(env.getOrDefault("FLEETFLOW_RELAY_MIN_AGE_MS", "10000"))),
                Boolean.parseBoolean(env.getOrDefault("FLEETFLOW_APPLY_SCHEMA", "true")));
    }

    /** Defaults for everything but the endpoints; convenient for tests and the launcher. */
    public static GatewayConfig local(String dbUrl, String dbUser, String amqpUri, String queue) {
        return new GatewayConfig(
                DEFAULT_HOST,
                0,
                dbUrl,
                dbUser,
                "",
                DEFAULT_DB_POOL_SIZE,
                amqpUri,
                queue,
                PayloadLimits.DEFAULTS,
                DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                true);
    }

    public GatewayConfig withHttpPort(int port) {
        return new GatewayConfig(
                httpHost,
                port,
                dbUrl,
                dbUser,
                dbPassword,
                dbPoolSize,
                amqpUri,
                queue,
                payloadLimits,
                maxBodyBytes,
                publishConfirmTimeout,
                relayInterval,
                relayMinAge,
                applySchema);
    }

    @Override
    public String toString() {
        return "GatewayConfig{http="
                + httpHost
                + ":"
                + httpPort
                + ", db="
                + dbUrl
                + ", dbUser="
                + dbUser
                + ", amqp="
                + redactedAmqpUri()
                + ", queue="
                + queue
                + "}";
    }

    /** The AMQP URI with any password replaced, for logs. */
    public String redactedAmqpUri() {
        return amqpUri.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
    }
}
