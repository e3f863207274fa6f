package io.fleetflow.launcher;

import io.fleetflow.gateway.app.DevCredentials;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.GatewayConfig;
import io.fleetflow.gateway.app.GatewayEnvironment;
import io.fleetflow.job.TripScoringJob;
import io.fleetflow.job.options.DatabaseOptions;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.RuntimeOptions;
import io.fleetflow.job.options.SourceOptions;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.scoring.ClassScorers;
import io.fleetflow.simulator.Fleet;
import io.fleetflow.simulator.FleetSimulator;
import io.fleetflow.simulator.TelemetryClient;
import io.fleetflow.simulator.TripSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one process: PostgreSQL and an AMQP broker (embedded unless {@code
 * FLEETFLOW_DB_URL} / {@code FLEETFLOW_AMQP_URI} name real ones), the gateway, the scoring job on a
 * local Flink MiniCluster with its Web UI, and a simulated fleet. Closing stops them in reverse
 * order of start, so nothing (not even PostgreSQL's server processes) outlives the launcher.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    static final String NO_DATA_DIRECTORY = "none (external PostgreSQL and AMQP broker)";

    /** Whatever has started, stopped last-in first-out. */
    private final Deque<Started> started = new ArrayDeque<>();

    private record Started(String name, AutoCloseable resource) {}

    private boolean closed; // guarded by started

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(LauncherOptions.USAGE);
            return;
        }
        LauncherOptions options;
        try {
            options =
                    LauncherOptions.parse(
                            args, System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stack.close();
                                    stopped.countDown();
                                },
                                "fleetflow-shutdown"));
        try {
            Banner banner = stack.start(options, System.getenv());
            banner.lines().forEach(System.out::println);
            System.out.flush();
        } catch (Exception e) {
            LOG.error("FleetFlow could not start: {}", e.toString(), e);
            System.exit(1); // the shutdown hook stops what had started
        }
        stopped.await();
    }

    /** Starts everything; on failure the caller closes this to stop what had started. */
    Banner start(LauncherOptions options, Map<String, String> environment) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("FLEETFLOW_DEV_CREDENTIALS", "true");
        boolean embedDatabase = !env.containsKey("FLEETFLOW_DB_URL");
        boolean embedBroker = !env.containsKey("FLEETFLOW_AMQP_URI");
        // Only embedded services keep data here; with both external, no directory is created.
        DataDirectory data =
                embedDatabase || embedBroker
                        ? DataDirectory.open(options.dataDir(), options.fresh())
                        : null;

        String database;
        if (!embedDatabase) {
            database = env.get("FLEETFLOW_DB_URL");
        } else {
            EmbeddedDatabase db =
                    own("embedded PostgreSQL", EmbeddedDatabase.start(data.resolve("postgres")));
            env.put("FLEETFLOW_DB_URL", db.jdbcUrl());
            env.put("FLEETFLOW_DB_USER", EmbeddedDatabase.USER);
            env.put("FLEETFLOW_DB_PASSWORD", "");
            database = db.jdbcUrl() + " (embedded, user " + EmbeddedDatabase.USER + ")";
        }
        String brokerKind = "";
        if (embedBroker) {
            EmbeddedBroker broker =
                    own("embedded broker", EmbeddedBroker.start(data.resolve("broker")));
            env.put("FLEETFLOW_AMQP_URI", broker.amqpUri());
            brokerKind = " (embedded Qpid Broker-J)";
        }

        int flinkUiPort = Integer.parseInt(env.getOrDefault("FLEETFLOW_FLINK_UI_PORT", "8081"));
        GatewayConfig gatewayConfig = GatewayEnvironment.gatewayConfig(env);
        String host = gatewayConfig.httpHost();
        // The dashboard's pipeline view asks the local MiniCluster's REST API for the job state.
        env.putIfAbsent("FLEETFLOW_FLINK_REST_URL", "http://" + host + ":" + flinkUiPort);
        Gateway gateway =
                own(
                        "gateway",
                        Gateway.start(
                                gatewayConfig,
                                GatewayEnvironment.readApiSettings(env),
                                GatewayEnvironment.alertSettings(env)));
        String baseUrl = "http://" + host + ":" + gateway.port();

        JobClient job = startJob(gatewayConfig, env, host, flinkUiPort);
        own("scoring job", () -> job.cancel().get(30, TimeUnit.SECONDS));

        Optional<DevCredentials> credentials = gateway.devCredentials();
        String simulator = "off (--no-simulator)";
        if (options.simulate()) {
            FleetSimulator fleet =
                    own(
                            "simulator",
                            new FleetSimulator(
                                    Fleet.create(options.vehicles(), options.seed()),
                                    TripSettings.DEFAULTS,
                                    new TelemetryClient(
                                            URI.create(baseUrl),
                                            credentials.map(DevCredentials::deviceKey),
                                            false),
                                    options.tripInterval()));
            fleet.start(options.seed());
            simulator =
                    options.vehicles()
                            + " vehicles, one trip each every "
                            + options.tripInterval().toMillis() / 1000.0
                            + " s (seed "
                            + options.seed()
                            + ")";
        }
        return new Banner(
                baseUrl,
                "http://" + host + ":" + flinkUiPort + "/",
                credentials,
                database,
                gatewayConfig.redactedAmqpUri() + brokerKind + ", queue " + gatewayConfig.queue(),
                simulator,
                data != null ? data.root().toString() : NO_DATA_DIRECTORY);
    }

    private static JobClient startJob(
            GatewayConfig gateway, Map<String, String> env, String host, int uiPort)
            throws Exception {
        JobOptions jobOptions =
                JobOptions.builder()
                        .set(SourceOptions.AMQP_URI, gateway.amqpUri())
                        .set(SourceOptions.QUEUE, gateway.queue())
                        .set(DatabaseOptions.JDBC_URL, gateway.dbUrl())
                        .set(DatabaseOptions.JDBC_USER, gateway.dbUser())
                        .set(DatabaseOptions.JDBC_PASSWORD, gateway.dbPassword())
                        .set(
                                RuntimeOptions.PARALLELISM,
                                Integer.parseInt(
                                        env.getOrDefault("FLEETFLOW_JOB_PARALLELISM", "2")))
                        .build();
        Configuration flink = new Configuration();
        flink.set(RestOptions.BIND_ADDRESS, host);
        flink.set(RestOptions.ADDRESS, host);
        flink.set(RestOptions.PORT, uiPort);
        StreamExecutionEnvironment streamEnv =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        return new TripScoringJob(
                        new RabbitTripIdSource(jobOptions),
                        new JdbcResultSinks(jobOptions),
                        ClassScorers.riskModel(),
                        jobOptions)
                .start(streamEnv);
    }

    private <T extends AutoCloseable> T own(String name, T resource) throws Exception {
        synchronized (started) {
            if (!closed) {
                started.push(new Started(name, resource));
                return resource;
            }
        }
        // Ctrl-C came while this was starting: stop it at once, or it would outlive the JVM.
        resource.close();
        throw new IllegalStateException("stopped while starting the " + name);
    }

    /** Stops everything started, newest first; each failure is logged and the rest still stop. */
    @Override
    public void close() {
        LOG.info("Stopping FleetFlow");
        synchronized (started) {
            closed = true;
        }
        while (true) {
            Started next;
            synchronized (started) {
                next = started.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.resource().close();
            } catch (Exception e) {
                LOG.warn("Stopping the {} failed: {}", next.name(), e.toString());
            }
        }
        LOG.info("FleetFlow stopped");
    }
}
