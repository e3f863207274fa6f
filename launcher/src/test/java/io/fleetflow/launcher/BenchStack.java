package io.fleetflow.launcher;

import io.fleetflow.gateway.alerts.AlertSettings;
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
import io.fleetflow.scoring.Scorers;
import io.fleetflow.testing.TestChannels;
import io.fleetflow.testing.TestServices;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What the launcher's benchmarks post to: a gateway and, unless left out, the scoring job
 * (MiniCluster, parallelism 2, default options) in this JVM on the real services, on a queue of
 * their own that is deleted on close.
 */
final class BenchStack implements AutoCloseable {

    static final int PARALLELISM = 2;

    private final String queue;
    private final Gateway gateway;
    private final JobClient job;

    private BenchStack(String queue, Gateway gateway, JobClient job) {
        this.queue = queue;
        this.gateway = gateway;
        this.job = job;
    }

    /** The gateway with the scoring job; {@code alerts} {@code null} for the default settings. */
    static BenchStack withJob(AlertSettings alerts) throws Exception {
        return start(true, alerts, SourceOptions.EXPECTED_RATE.defaultValue());
    }

    /**
     * The gateway and the job, the job's source sized for {@code expectedRate} trips/s (its
     * prefetch: rate × checkpoint interval, docs/flink-job.md).
     */
    static BenchStack withJob(int expectedRate) throws Exception {
        return start(true, null, expectedRate);
    }

    /** The gateway alone: its queue fills, nothing consumes it. */
    static BenchStack gatewayOnly() throws Exception {
        return start(false, null, 0);
    }

    private static BenchStack start(boolean withJob, AlertSettings alerts, int expectedRate)
            throws Exception {
        String queue = "fleetflow_bench_" + UUID.randomUUID().toString().substring(0, 8);
        TestChannels.withChannel(ch -> TestChannels.declareQueue(ch, queue));
        GatewayConfig config =
                GatewayConfig.local(
                        TestServices.dbUrl(), TestServices.dbUser(), TestServices.amqpUri(), queue);
        Gateway gateway =
                alerts == null
                        ? Gateway.start(config)
                        : Gateway.start(
                                config, GatewayEnvironment.readApiSettings(Map.of()), alerts);
        JobClient job = null;
        if (withJob) {
            JobOptions options = jobOptions(queue, expectedRate);
            job =
                    new TripScoringJob(
                                    new RabbitTripIdSource(options),
                                    new JdbcResultSinks(options),
                                    Scorers.defaultScorer(),
                                    options)
                            .start(StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM));
        }
        return new BenchStack(queue, gateway, job);
    }

    private static JobOptions jobOptions(String queue, int expectedRate) {
        return JobOptions.builder()
                .set(SourceOptions.AMQP_URI, TestServices.amqpUri())
                .set(SourceOptions.QUEUE, queue)
                .set(SourceOptions.AMQP_CONNECTION_NAME, queue)
                .set(DatabaseOptions.JDBC_URL, TestServices.dbUrl())
                .set(DatabaseOptions.JDBC_USER, TestServices.dbUser())
                .set(DatabaseOptions.JDBC_PASSWORD, TestServices.dbPassword())
                .set(RuntimeOptions.PARALLELISM, PARALLELISM)
                .set(SourceOptions.EXPECTED_RATE, expectedRate)
                .build();
    }

    /** Empties the trip tables (and through them scores, events, alerts) before a run. */
    static void emptyTripTables(DataSource db) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE telemetry.trip_logs, telemetry.driver_stats CASCADE");
        }
    }

    URI telemetryUri() {
        return URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/telemetry");
    }

    /** Waits until the job runs (and its source had a moment to connect). */
    void awaitJobRunning() throws Exception {
        while (job.getJobStatus().get() != org.apache.flink.api.common.JobStatus.RUNNING) {
            Thread.sleep(50);
        }
        Thread.sleep(2_000);
    }

    @Override
    public void close() throws Exception {
        try {
            if (job != null) {
                job.cancel().get();
            }
        } finally {
            try {
                gateway.close();
            } finally {
                TestChannels.withChannel(ch -> ch.queueDelete(queue));
            }
        }
    }
}
