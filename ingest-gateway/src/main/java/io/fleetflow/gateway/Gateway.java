package io.fleetflow.gateway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.gateway.read.DashboardFiles;
import io.fleetflow.gateway.read.QueueDepthProbe;
import io.fleetflow.gateway.read.ReadApi;
import io.fleetflow.gateway.read.ReadApiSettings;
import io.fleetflow.model.TripPayloadReader;
import io.javalin.Javalin;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: its pool, publisher, relay and HTTP server, started together and closed
 * together. {@link GatewayMain} runs one from the environment; tests and the launcher embed one.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final HikariDataSource dataSource;
    private final RabbitTripPublisher publisher;
    private final PendingTripRelay relay;
    private final Javalin app;
    private final QueueDepthProbe queueDepth;

    private Gateway(
            HikariDataSource dataSource,
            RabbitTripPublisher publisher,
            PendingTripRelay relay,
            Javalin app,
            QueueDepthProbe queueDepth) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.relay = relay;
        this.app = app;
        this.queueDepth = queueDepth;
    }

    public static Gateway start(GatewayConfig config) throws SQLException {
        return start(config, ReadApiSettings.fromEnvironment(System.getenv()));
    }

    /** Starts with read-side settings taken from elsewhere than the process environment. */
    public static Gateway start(GatewayConfig config, ReadApiSettings readSettings)
            throws SQLException {
        HikariDataSource dataSource = dataSource(config);
        try {
            if (config.applySchema()) {
                SchemaInitializer.apply(dataSource);
            }
            RabbitTripPublisher publisher =
                    new RabbitTripPublisher(
                            config.amqpUri(),
                            config.queue(),
                            config.publishConfirmTimeout(),
                            config.dbPoolSize());
            TripStore store = new TripStore(dataSource);
            PendingTripRelay relay =
                    new PendingTripRelay(
                            store, publisher, config.relayInterval(), config.relayMinAge());
            TelemetryController telemetry =
                    new TelemetryController(
                            new TripPayloadReader(config.payloadLimits(), Clock.systemUTC()),
                            store,
                            publisher,
                            config.maxBodyBytes());
            QueueDepthProbe queueDepth = new QueueDepthProbe(config.amqpUri(), config.queue());
            Javalin app =
                    GatewayApp.create(
                            telemetry,
                            new HealthController(dataSource, publisher),
                            ReadApi.controller(dataSource, queueDepth, readSettings),
                            new DashboardFiles(readSettings.dashboardDir()),
                            GatewayApp.objectMapper());
            app.start(config.httpHost(), config.httpPort());
            relay.start();
            LOG.info(
                    "Gateway listening on http://{}:{} ({})",
                    config.httpHost(),
                    app.port(),
                    config);
            return new Gateway(dataSource, publisher, relay, app, queueDepth);
        } catch (RuntimeException | SQLException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource dataSource(GatewayConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("gateway");
        hc.setJdbcUrl(config.dbUrl());
        hc.setUsername(config.dbUser());
        hc.setPassword(config.dbPassword());
        hc.setMaximumPoolSize(config.dbPoolSize());
        hc.setConnectionTimeout(3_000);
        hc.setInitializationFailTimeout(-1); // start even when the database is still coming up
        return new HikariDataSource(hc);
    }

    public int port() {
        return app.port();
    }

    /** Credentials generated at start in dev mode; empty while authentication is not enforced. */
    public java.util.Optional<DevCredentials> devCredentials() {
        return java.util.Optional.empty();
    }

    public PendingTripRelay relay() {
        return relay;
    }

    @Override
    public void close() {
        app.stop();
        relay.close();
        queueDepth.close();
        publisher.close();
        dataSource.close();
    }
}
