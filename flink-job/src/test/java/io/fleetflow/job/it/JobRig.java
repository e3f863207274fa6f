package io.fleetflow.job.it;

import io.fleetflow.job.TripScoringJob;
import io.fleetflow.job.options.DatabaseOptions;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.RuntimeOptions;
import io.fleetflow.job.options.SourceOptions;
import io.fleetflow.job.sink.ResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.testing.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the real job (RabbitMQ source, PostgreSQL lookup and sinks) on a local MiniCluster at
 * parallelism 2, with metrics kept in memory for assertions.
 */
public final class JobRig implements AutoCloseable {

    public static final int PARALLELISM = 2;

    private final InMemoryReporter reporter = InMemoryReporter.createWithRetainedMetrics();
    private final JobClient client;
    private boolean cancelled;

    private JobRig(JobOptions options, ResultSinks sinks, TripScorer scorer) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false); // fail on any silent Kryo fallback
        reporter.addToConfiguration(conf);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM, conf);
        client =
                new TripScoringJob(new RabbitTripIdSource(options), sinks, scorer, options)
                        .start(env);
    }

    public static JobRig start(JobOptions options, ResultSinks sinks, TripScorer scorer)
            throws Exception {
        return new JobRig(options, sinks, scorer);
    }

    /** Options for a test run: fast checkpoints and restarts, real services. */
    public static JobOptions.Builder options(String queue, String connectionName) {
        return JobOptions.builder()
                .set(SourceOptions.AMQP_URI, TestServices.amqpUri())
                .set(SourceOptions.QUEUE, queue)
                .set(SourceOptions.AMQP_CONNECTION_NAME, connectionName)
                .set(DatabaseOptions.JDBC_URL, TestServices.dbUrl())
                .set(DatabaseOptions.JDBC_USER, TestServices.dbUser())
                .set(DatabaseOptions.JDBC_PASSWORD, TestServices.dbPassword())
                .set(RuntimeOptions.PARALLELISM, PARALLELISM)
                .set(RuntimeOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500))
                .set(SourceOptions.PREFETCH, 1_000)
                .set(RuntimeOptions.RESTART_INITIAL_BACKOFF, Duration.ofMillis(200))
                .set(RuntimeOptions.RESTART_MAX_BACKOFF, Duration.ofSeconds(2));
    }

    public JobID jobId() {
        return client.getJobID();
    }

    /** Sum over all subtasks (and attempts) of this job's counters named {@code name}. */
    public long counter(String name) {
        long sum = 0;
        for (Metric m : metrics(name)) {
            if (m instanceof Counter c) {
                sum += c.getCount();
            }
        }
        return sum;
    }

    /** The job's restart count so far. */
    public long restarts() {
        return gauge("numRestarts");
    }

    /**
     * Checkpoints completed so far; once there is one, a restart restores from a checkpoint rather
     * than from nothing.
     */
    public long completedCheckpoints() {
        return gauge("numberOfCompletedCheckpoints");
    }

    private long gauge(String name) {
        long max = -1;
        for (Metric m : metrics(name)) {
            if (m instanceof Gauge<?> g && g.getValue() instanceof Number n) {
                max = Math.max(max, n.longValue());
            }
        }
        return max;
    }

    private List<Metric> metrics(String name) {
        String job = jobId().toString();
        List<Metric> found = new ArrayList<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> e :
                reporter.getMetricsByGroup().entrySet()) {
            if (job.equals(e.getKey().getAllVariables().get("<job_id>"))
                    && e.getValue().containsKey(name)) {
                found.add(e.getValue().get(name));
            }
        }
        return found;
    }

    public String status() throws Exception {
        return client.getJobStatus().get().name();
    }

    /** Cancels the job; a second call does nothing. */
    @Override
    public void close() throws Exception {
        if (!cancelled) {
            cancelled = true;
            client.cancel().get();
        }
    }
}
