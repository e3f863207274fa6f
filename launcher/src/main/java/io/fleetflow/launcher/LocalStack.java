package io.fleetflow.launcher;

import io.fleetflow.gateway.Gateway;
import io.fleetflow.gateway.GatewayConfig;
import io.fleetflow.job.JobOptions;
import io.fleetflow.job.TripScoringJob;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.scoring.Scorers;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one process: the gateway on {@code FLEETFLOW_HTTP_PORT} (8080) and the
 * scoring job on a local Flink MiniCluster with its Web UI on {@code FLEETFLOW_FLINK_UI_PORT}
 * (8081), against the PostgreSQL and RabbitMQ named by the environment. Ctrl-C stops both.
 */
public final class LocalStack {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        GatewayConfig gatewayConfig = GatewayConfig.fromEnvironment(env);
        int flinkUiPort = Integer.parseInt(env.getOrDefault("FLEETFLOW_FLINK_UI_PORT", "8081"));
        JobOptions jobOptions =
                JobOptions.builder()
                        .amqpUri(gatewayConfig.amqpUri())
                        .queue(gatewayConfig.queue())
                        .jdbcUrl(gatewayConfig.dbUrl())
                        .jdbcUser(gatewayConfig.dbUser())
                        .jdbcPassword(gatewayConfig.dbPassword())
                        .parallelism(
                                Integer.parseInt(
                                        env.getOrDefault("FLEETFLOW_JOB_PARALLELISM", "2")))
                        .build();

        Gateway gateway = Gateway.start(gatewayConfig);
        Configuration flink = new Configuration();
        flink.set(RestOptions.BIND_ADDRESS, gatewayConfig.httpHost());
        flink.set(RestOptions.PORT, flinkUiPort);
        StreamExecutionEnvironment streamEnv =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        JobClient job =
                new TripScoringJob(
                                new RabbitTripIdSource(jobOptions),
                                new JdbcResultSinks(jobOptions),
                                Scorers.defaultScorer(),
                                jobOptions)
                        .start(streamEnv);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    LOG.info("Stopping FleetFlow");
                                    try {
                                        job.cancel().get();
                                    } catch (Exception e) {
                                        LOG.warn(
                                                "Cancelling the scoring job failed: {}",
                                                e.getMessage());
                                    }
                                    gateway.close();
                                    stopped.countDown();
                                },
                                "fleetflow-shutdown"));

        System.out.printf(
                "%nFleetFlow is running.%n"
                        + "  Ingest API   http://%s:%d/api/v1/telemetry%n"
                        + "  Health       http://%s:%d/health/ready%n"
                        + "  Flink Web UI http://%s:%d/%n"
                        + "  PostgreSQL   %s%n  AMQP broker  %s (queue %s)%nPress Ctrl-C to stop.%n%n",
                gatewayConfig.httpHost(),
                gateway.port(),
                gatewayConfig.httpHost(),
                gateway.port(),
                gatewayConfig.httpHost(),
                flinkUiPort,
                gatewayConfig.dbUrl(),
                gatewayConfig.redactedAmqpUri(),
                gatewayConfig.queue());
        stopped.await();
    }
}
