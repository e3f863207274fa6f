package io.fleetflow.gateway.app;

import io.fleetflow.model.ingest.PayloadLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * The gateway's settings, read once from the environment ({@link GatewayEnvironment}). Immutable.
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
 * @param authEnabled whether {@code /api/v1} needs API keys; off only when {@code
 *     FLEETFLOW_AUTH=off} (and in {@link #local} test setups)
 * @param devCredentials whether to create a fresh device key and operator token at start (dev mode,
 *     {@code FLEETFLOW_DEV_CREDENTIALS=true}); never on by default
 * @param maxConcurrentIngests most ingest requests handled at once; more are refused with 503 and
 *     {@code Retry-After} instead of queueing
 * @param relayStaleAge how long a published trip may stay {@code PENDING} before the relay
 *     publishes its id again (the message may have been lost)
 * @param shutdownGrace how long a graceful shutdown waits for in-flight requests
 * @param rawRetention how long raw samples are kept (whole weeks dropped after); {@code null}:
 *     forever
 * @param storageMaintenanceInterval how often sample partitions are created ahead and retention
 *     runs
 * @param sessionTtl how long a dashboard session (sign-in with a token) lasts
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
        boolean applySchema,
        boolean authEnabled,
        boolean devCredentials,
        int maxConcurrentIngests,
        Duration relayStaleAge,
        Duration shutdownGrace,
        Duration rawRetention,
        Duration storageMaintenanceInterval,
        Duration sessionTtl) {

    public GatewayConfig {
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(amqpUri, "amqpUri");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(payloadLimits, "payloadLimits");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort out of range: " + httpPort);
        }
        if (dbPoolSize < 1 || maxBodyBytes < 1 || maxConcurrentIngests < 1) {
            throw new IllegalArgumentException(
                    "dbPoolSize, maxBodyBytes and maxConcurrentIngests must be positive");
        }
        Objects.requireNonNull(relayStaleAge, "relayStaleAge");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(storageMaintenanceInterval, "storageMaintenanceInterval");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
    }

    /**
     * Defaults for everything but the endpoints, with authentication OFF; for tests that are not
     * about authentication ({@link #withAuth} turns it on).
     */
    public static GatewayConfig local(String dbUrl, String dbUser, String amqpUri, String queue) {
        return new GatewayConfig(
                HttpOptions.HOST.defaultValue(),
                0,
                dbUrl,
                dbUser,
                "",
                DatabaseOptions.POOL_SIZE.defaultValue(),
                amqpUri,
                queue,
                PayloadLimits.DEFAULTS,
                IngestOptions.MAX_BODY_BYTES.defaultValue(),
                PublishOptions.CONFIRM_TIMEOUT.defaultValue(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                true,
                false,
                false,
                IngestOptions.MAX_CONCURRENT_INGESTS.defaultValue(),
                PublishOptions.RELAY_STALE_AGE.defaultValue(),
                Duration.ofSeconds(5),
                null,
                StorageOptions.MAINTENANCE_INTERVAL.defaultValue(),
                HttpOptions.SESSION_TTL.defaultValue());
    }

    public GatewayConfig withHttpPort(int port) {
        return toBuilder().httpPort(port).build();
    }

    public GatewayConfig withAuth(boolean enabled) {
        return toBuilder().authEnabled(enabled).build();
    }

    public GatewayConfig withDevCredentials(boolean enabled) {
        return toBuilder().devCredentials(enabled).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of a config; {@link GatewayConfig#toBuilder()} starts one. */
    public static final class Builder {
        private String httpHost;
        private int httpPort;
        private String dbUrl;
        private String dbUser;
        private String dbPassword;
        private int dbPoolSize;
        private String amqpUri;
        private String queue;
        private PayloadLimits payloadLimits;
        private long maxBodyBytes;
        private Duration publishConfirmTimeout;
        private Duration relayInterval;
        private Duration relayMinAge;
        private boolean applySchema;
        private boolean authEnabled;
        private boolean devCredentials;
        private int maxConcurrentIngests;
        private Duration relayStaleAge;
        private Duration shutdownGrace;
        private Duration rawRetention;
        private Duration storageMaintenanceInterval;
        private Duration sessionTtl;

        private Builder(GatewayConfig c) {
            httpHost = c.httpHost;
            httpPort = c.httpPort;
            dbUrl = c.dbUrl;
            dbUser = c.dbUser;
            dbPassword = c.dbPassword;
            dbPoolSize = c.dbPoolSize;
            amqpUri = c.amqpUri;
            queue = c.queue;
            payloadLimits = c.payloadLimits;
            maxBodyBytes = c.maxBodyBytes;
            publishConfirmTimeout = c.publishConfirmTimeout;
            relayInterval = c.relayInterval;
            relayMinAge = c.relayMinAge;
            applySchema = c.applySchema;
            authEnabled = c.authEnabled;
            devCredentials = c.devCredentials;
            maxConcurrentIngests = c.maxConcurrentIngests;
            relayStaleAge = c.relayStaleAge;
            shutdownGrace = c.shutdownGrace;
            rawRetention = c.rawRetention;
            storageMaintenanceInterval = c.storageMaintenanceInterval;
            sessionTtl = c.sessionTtl;
        }

        public Builder httpPort(int v) {
            httpPort = v;
            return this;
        }

        public Builder dbUrl(String v) {
            dbUrl = v;
            return this;
        }

        public Builder dbPoolSize(int v) {
            dbPoolSize = v;
            return this;
        }

        public Builder amqpUri(String v) {
            amqpUri = v;
            return this;
        }

        public Builder payloadLimits(PayloadLimits v) {
            payloadLimits = v;
            return this;
        }

        public Builder maxBodyBytes(long v) {
            maxBodyBytes = v;
            return this;
        }

        public Builder relayInterval(Duration v) {
            relayInterval = v;
            return this;
        }

        public Builder relayMinAge(Duration v) {
            relayMinAge = v;
            return this;
        }

        public Builder authEnabled(boolean v) {
            authEnabled = v;
            return this;
        }

        public Builder devCredentials(boolean v) {
            devCredentials = v;
            return this;
        }

        public Builder maxConcurrentIngests(int v) {
            maxConcurrentIngests = v;
            return this;
        }

        public Builder relayStaleAge(Duration v) {
            relayStaleAge = v;
            return this;
        }

        public Builder shutdownGrace(Duration v) {
            shutdownGrace = v;
            return this;
        }

        /** How long raw samples are kept; {@code null} keeps them forever. */
        public Builder rawRetention(Duration v) {
            rawRetention = v;
            return this;
        }

        public Builder sessionTtl(Duration v) {
            sessionTtl = v;
            return this;
        }

        public GatewayConfig build() {
            return new GatewayConfig(
                    httpHost,
                    httpPort,
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
                    applySchema,
                    authEnabled,
                    devCredentials,
                    maxConcurrentIngests,
                    relayStaleAge,
                    shutdownGrace,
                    rawRetention,
                    storageMaintenanceInterval,
                    sessionTtl);
        }
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
                + ", auth="
                + (authEnabled ? "on" : "OFF")
                + "}";
    }

    /** The AMQP URI with any password replaced, for logs. */
    public String redactedAmqpUri() {
        return amqpUri.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
    }
}
