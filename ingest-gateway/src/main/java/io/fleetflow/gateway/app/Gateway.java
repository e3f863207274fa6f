package io.fleetflow.gateway.app;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.fleetflow.gateway.alerts.AlertDispatcher;
import io.fleetflow.gateway.alerts.AlertSettings;
import io.fleetflow.gateway.alerts.AlertStore;
import io.fleetflow.gateway.alerts.AlertsController;
import io.fleetflow.gateway.auth.ApiAuthentication;
import io.fleetflow.gateway.auth.ApiKeyRole;
import io.fleetflow.gateway.auth.ApiKeySecrets;
import io.fleetflow.gateway.auth.ApiKeyStore;
import io.fleetflow.gateway.auth.AuthHandler;
import io.fleetflow.gateway.auth.SessionController;
import io.fleetflow.gateway.auth.SessionStore;
import io.fleetflow.gateway.dashboard.DashboardFiles;
import io.fleetflow.gateway.ingest.TelemetryController;
import io.fleetflow.gateway.ingest.TripStore;
import io.fleetflow.gateway.ops.ConcurrencyLimit;
import io.fleetflow.gateway.ops.GatewayMetrics;
import io.fleetflow.gateway.ops.HealthController;
import io.fleetflow.gateway.ops.OpsController;
import io.fleetflow.gateway.pipeline.QueueDepthProbe;
import io.fleetflow.gateway.publish.BackgroundPublisher;
import io.fleetflow.gateway.publish.PendingTripRelay;
import io.fleetflow.gateway.publish.PublicationStore;
import io.fleetflow.gateway.publish.RabbitTripPublisher;
import io.fleetflow.gateway.read.ReadApi;
import io.fleetflow.gateway.read.ReadApiSettings;
import io.fleetflow.gateway.registry.RegistryAudit;
import io.fleetflow.gateway.registry.RegistryController;
import io.fleetflow.gateway.registry.RegistryStore;
import io.fleetflow.gateway.review.RescoreRequestRelay;
import io.fleetflow.gateway.review.ReviewController;
import io.fleetflow.gateway.storage.StorageMaintenance;
import io.fleetflow.model.ingest.TripPayloadReader;
import io.fleetflow.model.schema.SchemaInitializer;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Longer than 300 lines: the composition root, which builds, starts and closes every long-lived
 * part in one place and in order.
 *
 * <p>A running gateway: its pool, publisher, relays (unpublished trips, re-score requests), alert
 * dispatcher and HTTP server, started together and closed together. {@link GatewayMain} runs one
 * from the environment; tests and the launcher embed one.
 *
 * <p>Closing is graceful: readiness turns 503, the server stops accepting connections and waits for
 * requests in flight (at most {@link GatewayConfig#shutdownGrace()}), then the relays finish their
 * round, the alert dispatcher its deliveries, and the publisher and pool close.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    /** Threads publishing trip ids; each publishes a batch and waits for its confirms. */
    private static final int PUBLISHER_THREADS = 2;

    /** Connections committing batches of new trips (group commit). */
    private static final int GROUP_COMMIT_WRITERS = 3;

    private final HikariDataSource dataSource;
    private final RabbitTripPublisher publisher;
    private final BackgroundPublisher background;
    private final TripStore store;
    private final PendingTripRelay relay;
    private final RescoreRequestRelay rescores;
    private final HealthController health;
    private final GatewayMetrics metrics;
    private final Javalin app;
    private final DevCredentials devCredentials;
    private final GatewayConfig config;
    private final QueueDepthProbe queueDepth;
    private final StorageMaintenance storage;
    private final AlertDispatcher dispatcher;

    private Gateway(
            HikariDataSource dataSource,
            RabbitTripPublisher publisher,
            BackgroundPublisher background,
            TripStore store,
            PendingTripRelay relay,
            RescoreRequestRelay rescores,
            HealthController health,
            GatewayMetrics metrics,
            Javalin app,
            DevCredentials devCredentials,
            GatewayConfig config,
            QueueDepthProbe queueDepth,
            StorageMaintenance storage,
            AlertDispatcher dispatcher) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.background = background;
        this.store = store;
        this.config = config;
        this.relay = relay;
        this.rescores = rescores;
        this.health = health;
        this.metrics = metrics;
        this.app = app;
        this.devCredentials = devCredentials;
        this.queueDepth = queueDepth;
        this.storage = storage;
        this.dispatcher = dispatcher;
    }

    /** Starts with the read side's defaults (no environment is read here: see GatewayMain). */
    public static Gateway start(GatewayConfig config) throws SQLException {
        return start(config, GatewayEnvironment.readApiSettings(Map.of()));
    }

    /** Starts with read-side settings taken from elsewhere than the process environment. */
    public static Gateway start(GatewayConfig config, ReadApiSettings readSettings)
            throws SQLException {
        return start(config, readSettings, AlertSettings.storeOnly());
    }

    /** Starts with read-side and alert settings taken from elsewhere than the environment. */
    public static Gateway start(
            GatewayConfig config, ReadApiSettings readSettings, AlertSettings alertSettings)
            throws SQLException {
        HikariDataSource dataSource = DatabaseOptions.pool(config);
        try {
            if (config.applySchema()) {
                SchemaInitializer.apply(dataSource);
            }
            ApiKeyStore keys = new ApiKeyStore(dataSource);
            DevCredentials dev = config.devCredentials() ? createDevCredentials(keys) : null;
            GatewayMetrics metrics = new GatewayMetrics();
            HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
            metrics.poolUsage(
                    () ->
                            new GatewayMetrics.PoolUsage(
                                    pool.getActiveConnections(),
                                    pool.getIdleConnections(),
                                    pool.getTotalConnections(),
                                    pool.getThreadsAwaitingConnection(),
                                    config.dbPoolSize()));
            RabbitTripPublisher publisher =
                    new RabbitTripPublisher(
                            config.amqpUri(),
                            config.queue(),
                            config.publishConfirmTimeout(),
                            config.dbPoolSize());
            TripStore store = TripStore.withGroupCommit(dataSource, GROUP_COMMIT_WRITERS);
            PublicationStore publications = new PublicationStore(dataSource);
            PendingTripRelay relay =
                    new PendingTripRelay(
                            publications,
                            publisher,
                            config.relayInterval(),
                            config.relayMinAge(),
                            config.relayStaleAge(),
                            metrics::relayRepublished);
            BackgroundPublisher background =
                    new BackgroundPublisher(publisher, publications, PUBLISHER_THREADS, metrics);
            TelemetryController telemetry =
                    new TelemetryController(
                            new TripPayloadReader(config.payloadLimits(), Clock.systemUTC()),
                            store,
                            background,
                            config.maxBodyBytes(),
                            metrics);
            HealthController health = new HealthController(dataSource, publisher::ping);
            StatisticsHandler statistics = new StatisticsHandler();
            metrics.inFlight(statistics::getRequestsActive);
            GatewayApp.Operations ops =
                    new GatewayApp.Operations(
                            config.authEnabled() ? authentication(keys, dataSource, config) : null,
                            metrics,
                            new ConcurrencyLimit(config.maxConcurrentIngests(), metrics),
                            new OpsController(metrics),
                            config.shutdownGrace(),
                            statistics);
            QueueDepthProbe queueDepth = new QueueDepthProbe(config.amqpUri(), config.queue());
            AlertStore alerts = new AlertStore(dataSource);
            AlertDispatcher dispatcher =
                    new AlertDispatcher(alerts, alertSettings, GatewayApp.objectMapper());
            Javalin app =
                    GatewayApp.create(
                            telemetry,
                            health,
                            ReadApi.controller(dataSource, queueDepth, readSettings),
                            new RegistryController(
                                    new RegistryStore(dataSource),
                                    new RegistryAudit(dataSource),
                                    GatewayApp.objectMapper()),
                            ReviewController.of(dataSource, GatewayApp.objectMapper()),
                            new AlertsController(alerts),
                            new DashboardFiles(readSettings.dashboardDir()),
                            GatewayApp.objectMapper(),
                            ops);
            app.start(config.httpHost(), config.httpPort());
            serveFirstRequest(config.httpHost(), app.port());
            relay.start();
            RescoreRequestRelay rescores =
                    new RescoreRequestRelay(dataSource, publisher, config.relayInterval());
            rescores.start();
            StorageMaintenance storage =
                    new StorageMaintenance(dataSource, config.rawRetention(), Clock.systemUTC());
            storage.start(config.storageMaintenanceInterval());
            dispatcher.start();
            if (!config.authEnabled()) {
                LOG.warn(
                        "Authentication is OFF: anyone reaching this port may post and read trips");
            }
            LOG.info(
                    "Gateway listening on http://{}:{} ({})",
                    config.httpHost(),
                    app.port(),
                    config);
            return new Gateway(
                    dataSource,
                    publisher,
                    background,
                    store,
                    relay,
                    rescores,
                    health,
                    metrics,
                    app,
                    dev,
                    config,
                    queueDepth,
                    storage,
                    dispatcher);
        } catch (RuntimeException | SQLException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Javalin 6 completes its servlet's configuration on the first request, lazily and without a
     * lock: requests racing into that first initialization can fail with a 500 (a
     * NullPointerException inside Javalin). One request of our own, answered before start returns,
     * makes the initialization happen before any client's request.
     */
    private static void serveFirstRequest(String host, int port) {
        boolean wildcard =
                host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::");
        InetSocketAddress target =
                wildcard
                        ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port)
                        : new InetSocketAddress(host, port);
        try (Socket socket = new Socket()) {
            socket.connect(target, 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write(
                            "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader response =
                    new BufferedReader(
                            new InputStreamReader(
                                    socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = response.readLine();
            while (response.read() >= 0) {
                // to the end: the server has finished the request when it closes the connection
            }
            if (status == null || !status.contains(" 200")) {
                LOG.warn("The gateway's first request of its own was answered {}", status);
            }
        } catch (IOException e) {
            LOG.warn("The gateway could not send its first request to itself: {}", e.getMessage());
        }
    }

    private static ApiAuthentication authentication(
            ApiKeyStore keys, HikariDataSource dataSource, GatewayConfig config) {
        SessionStore sessions = new SessionStore(dataSource);
        return new ApiAuthentication(
                new AuthHandler(keys, sessions),
                new SessionController(
                        keys, sessions, config.sessionTtl(), GatewayApp.objectMapper()));
    }

    private static DevCredentials createDevCredentials(ApiKeyStore keys) throws SQLException {
        String stamp = Instant.now().toString();
        String device = keys.create(ApiKeyRole.DEVICE, "dev device key " + stamp).secret();
        String operator = keys.create(ApiKeyRole.OPERATOR, "dev operator token " + stamp).secret();
        LOG.info(
                "Dev mode: created device key {}... and operator token {}... (revoke them with"
                        + " ApiKeyAdmin when done)",
                ApiKeySecrets.displayPrefix(device),
                ApiKeySecrets.displayPrefix(operator));
        return new DevCredentials(device, operator);
    }

    public int port() {
        return app.port();
    }

    /** Credentials generated at start in dev mode; empty unless dev credentials were asked for. */
    public Optional<DevCredentials> devCredentials() {
        return Optional.ofNullable(devCredentials);
    }

    /** The HTTP application, for tests that inspect its routes. */
    Javalin app() {
        return app;
    }

    public PendingTripRelay relay() {
        return relay;
    }

    public AlertDispatcher alertDispatcher() {
        return dispatcher;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        health.drain();
        app.stop();
        store.close();
        background.close(config.shutdownGrace());
        relay.close();
        rescores.close();
        storage.close();
        dispatcher.close();
        queueDepth.close();
        publisher.close();
        dataSource.close();
    }
}
