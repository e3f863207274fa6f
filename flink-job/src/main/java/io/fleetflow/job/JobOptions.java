package io.fleetflow.job;

import io.fleetflow.model.PipelineNames;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.java.utils.ParameterTool;

/**
 * Everything the scoring job is configured with, parsed once from its arguments. Immutable and
 * serializable; operators receive the values they need, not the argument parser.
 */
public final class JobOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_AMQP_URI = "amqp://guest:guest@127.0.0.1:5672/%2F";
    public static final String DEFAULT_QUEUE = PipelineNames.QUEUE;
    public static final String DEFAULT_JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String DEFAULT_JDBC_USER = "postgres";

    /**
     * Unacknowledged messages the broker may push to the source; 0 derives it from the expected
     * rate × checkpoint interval.
     */
    public static final int DEFAULT_PREFETCH = 0;

    /** Trip ids per second the source should sustain; sizes the prefetch. Value in messages/s. */
    public static final int DEFAULT_EXPECTED_RATE = 500;

    /** Name the source's AMQP connection carries, so operators can find (and close) it. */
    public static final String DEFAULT_AMQP_CONNECTION_NAME = "fleetflow-scoring-job";

    /** First delay of the exponential-delay restart strategy. */
    public static final Duration DEFAULT_RESTART_INITIAL_BACKOFF = Duration.ofSeconds(1);

    /** Longest delay of the exponential-delay restart strategy. */
    public static final Duration DEFAULT_RESTART_MAX_BACKOFF = Duration.ofSeconds(30);

    /** Window of trip time the rolling driver statistics cover. Value in days. */
    public static final int DEFAULT_STATS_WINDOW_DAYS = 30;

    /** First wait before a lookup is retried; it doubles per attempt up to 5 s. */
    public static final Duration DEFAULT_LOOKUP_BACKOFF = Duration.ofMillis(200);

    /** Connections in each lookup subtask's pool; also the size of its executor. */
    public static final int DEFAULT_LOOKUP_POOL_SIZE = 4;

    /**
     * Most trip ids claimed with one statement. A free lookup connection takes every id waiting, up
     * to this many, so ids are grouped only while all connections are busy.
     */
    public static final int DEFAULT_LOOKUP_BATCH_SIZE = 32;

    /** Lookups in flight per subtask. */
    public static final int DEFAULT_ASYNC_CAPACITY = 64;

    public static final Duration DEFAULT_ASYNC_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Attempts per lookup. A trip id with no row fails the trip after these; a database that stays
     * unreachable fails the job, which restarts from its last checkpoint.
     */
    public static final int DEFAULT_LOOKUP_ATTEMPTS = 8;

    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(2);

    /**
     * Longest time a record waits in a partly filled network buffer between two tasks (Flink's own
     * default is 100 ms, which would dominate a trip's latency at low rates).
     */
    public static final Duration DEFAULT_BUFFER_TIMEOUT = Duration.ofMillis(10);

    /** Most records a sink writes with one statement. */
    public static final int DEFAULT_SINK_BATCH_SIZE = 200;

    /**
     * Longest time a result waits in a sink before it is written, unless its batch fills first or a
     * checkpoint flushes it.
     */
    public static final Duration DEFAULT_SINK_BATCH_INTERVAL = Duration.ofMillis(50);

    /** Every argument {@link #fromArgs} understands, without the leading dashes. */
    public static final java.util.Set<String> ARGUMENTS =
            java.util.Set.of(
                    "amqp-uri",
                    "queue",
                    "prefetch",
                    "expected-rate",
                    "amqp-connection-name",
                    "jdbc-url",
                    "jdbc-user",
                    "jdbc-password",
                    "lookup-pool-size",
                    "lookup-batch-size",
                    "async-capacity",
                    "async-timeout-ms",
                    "lookup-attempts",
                    "lookup-backoff-ms",
                    "checkpoint-interval-ms",
                    "buffer-timeout-ms",
                    "parallelism",
                    "sink-batch-size",
                    "sink-batch-interval-ms",
                    "restart-initial-backoff-ms",
                    "restart-max-backoff-ms",
                    "stats-window-days");

    private final String amqpUri;
    private final String queue;
    private final int prefetch;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final int lookupPoolSize;
    private final int lookupBatchSize;
    private final int asyncCapacity;
    private final Duration asyncTimeout;
    private final int lookupAttempts;
    private final Duration checkpointInterval;
    private final Duration bufferTimeout;
    private final int parallelism;
    private final int sinkBatchSize;
    private final Duration sinkBatchInterval;
    private final int expectedRate;
    private final String amqpConnectionName;
    private final Duration restartInitialBackoff;
    private final Duration restartMaxBackoff;
    private final int statsWindowDays;
    private final Duration lookupBackoff;

    private JobOptions(Builder b) {
        this.amqpUri = Objects.requireNonNull(b.amqpUri, "amqpUri");
        this.queue = Objects.requireNonNull(b.queue, "queue");
        this.jdbcUrl = Objects.requireNonNull(b.jdbcUrl, "jdbcUrl");
        this.jdbcUser = Objects.requireNonNull(b.jdbcUser, "jdbcUser");
        this.jdbcPassword = b.jdbcPassword == null ? "" : b.jdbcPassword;
        if (b.prefetch < 0) {
            throw new IllegalArgumentException("prefetch must not be negative: " + b.prefetch);
        }
        this.prefetch = b.prefetch;
        this.lookupPoolSize = positive(b.lookupPoolSize, "lookupPoolSize");
        this.lookupBatchSize = positive(b.lookupBatchSize, "lookupBatchSize");
        this.asyncCapacity = positive(b.asyncCapacity, "asyncCapacity");
        this.asyncTimeout = Objects.requireNonNull(b.asyncTimeout, "asyncTimeout");
        this.lookupAttempts = positive(b.lookupAttempts, "lookupAttempts");
        this.checkpointInterval =
                Objects.requireNonNull(b.checkpointInterval, "checkpointInterval");
        this.bufferTimeout = positive(b.bufferTimeout, "bufferTimeout");
        this.parallelism = positive(b.parallelism, "parallelism");
        this.sinkBatchSize = positive(b.sinkBatchSize, "sinkBatchSize");
        this.sinkBatchInterval = Objects.requireNonNull(b.sinkBatchInterval, "sinkBatchInterval");
        this.expectedRate = positive(b.expectedRate, "expectedRate");
        this.amqpConnectionName =
                Objects.requireNonNull(b.amqpConnectionName, "amqpConnectionName");
        this.restartInitialBackoff = positive(b.restartInitialBackoff, "restartInitialBackoff");
        this.restartMaxBackoff = positive(b.restartMaxBackoff, "restartMaxBackoff");
        if (restartMaxBackoff.compareTo(restartInitialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "restartMaxBackoff must be at least restartInitialBackoff");
        }
        this.statsWindowDays = positive(b.statsWindowDays, "statsWindowDays");
        this.lookupBackoff = positive(b.lookupBackoff, "lookupBackoff");
        positive(checkpointInterval, "checkpointInterval");
        positive(asyncTimeout, "asyncTimeout");
        if (asyncCapacity < lookupPoolSize) {
            throw new IllegalArgumentException(
                    "asyncCapacity ("
                            + asyncCapacity
                            + ") must be at least lookupPoolSize ("
                            + lookupPoolSize
                            + ")");
        }
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }

    private static int positive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + v);
        }
        return v;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses {@code --amqp-uri}, {@code --queue}, {@code --jdbc-url}, … (see docs/flink-job.md).
     * Unknown arguments are rejected, so a typo does not silently fall back to a default.
     */
    public static JobOptions fromArgs(String[] args) {
        ParameterTool p = ParameterTool.fromArgs(args);
        for (String key : p.toMap().keySet()) {
            if (!ARGUMENTS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown argument --" + key + "; known: " + ARGUMENTS);
            }
        }
        return builder()
                .amqpUri(p.get("amqp-uri", DEFAULT_AMQP_URI))
                .queue(p.get("queue", DEFAULT_QUEUE))
                .prefetch(p.getInt("prefetch", DEFAULT_PREFETCH))
                .jdbcUrl(p.get("jdbc-url", DEFAULT_JDBC_URL))
                .jdbcUser(p.get("jdbc-user", DEFAULT_JDBC_USER))
                .jdbcPassword(p.get("jdbc-password", ""))
                .lookupPoolSize(p.getInt("lookup-pool-size", DEFAULT_LOOKUP_POOL_SIZE))
                .lookupBatchSize(p.getInt("lookup-batch-size", DEFAULT_LOOKUP_BATCH_SIZE))
                .asyncCapacity(p.getInt("async-capacity", DEFAULT_ASYNC_CAPACITY))
                .asyncTimeout(
                        Duration.ofMillis(
                                p.getLong("async-timeout-ms", DEFAULT_ASYNC_TIMEOUT.toMillis())))
                .lookupAttempts(p.getInt("lookup-attempts", DEFAULT_LOOKUP_ATTEMPTS))
                .checkpointInterval(
                        Duration.ofMillis(
                                p.getLong(
                                        "checkpoint-interval-ms",
                                        DEFAULT_CHECKPOINT_INTERVAL.toMillis())))
                .bufferTimeout(
                        Duration.ofMillis(
                                p.getLong("buffer-timeout-ms", DEFAULT_BUFFER_TIMEOUT.toMillis())))
                .parallelism(p.getInt("parallelism", 1))
                .sinkBatchSize(p.getInt("sink-batch-size", DEFAULT_SINK_BATCH_SIZE))
                .sinkBatchInterval(
                        Duration.ofMillis(
                                p.getLong(
                                        "sink-batch-interval-ms",
                                        DEFAULT_SINK_BATCH_INTERVAL.toMillis())))
                .expectedRate(p.getInt("expected-rate", DEFAULT_EXPECTED_RATE))
                .amqpConnectionName(p.get("amqp-connection-name", DEFAULT_AMQP_CONNECTION_NAME))
                .restartInitialBackoff(
                        Duration.ofMillis(
                                p.getLong(
                                        "restart-initial-backoff-ms",
                                        DEFAULT_RESTART_INITIAL_BACKOFF.toMillis())))
                .restartMaxBackoff(
                        Duration.ofMillis(
                                p.getLong(
                                        "restart-max-backoff-ms",
                                        DEFAULT_RESTART_MAX_BACKOFF.toMillis())))
                .statsWindowDays(p.getInt("stats-window-days", DEFAULT_STATS_WINDOW_DAYS))
                .lookupBackoff(
                        Duration.ofMillis(
                                p.getLong("lookup-backoff-ms", DEFAULT_LOOKUP_BACKOFF.toMillis())))
                .build();
    }

    public String amqpUri() {
        return amqpUri;
    }

    public String queue() {
        return queue;
    }

    /**
     * Unacknowledged messages the broker may push to the source: the explicit {@code --prefetch},
     * or else expected rate × checkpoint interval (messages are acknowledged only when a checkpoint
     * completes, so this caps throughput per interval).
     */
    public int prefetch() {
        if (prefetch > 0) {
            return prefetch;
        }
        long derived = (long) Math.ceil(expectedRate * checkpointInterval.toMillis() / 1000.0);
        return (int) Math.max(1, Math.min(65_535, derived));
    }

    public int expectedRate() {
        return expectedRate;
    }

    public String amqpConnectionName() {
        return amqpConnectionName;
    }

    public Duration restartInitialBackoff() {
        return restartInitialBackoff;
    }

    public Duration restartMaxBackoff() {
        return restartMaxBackoff;
    }

    public int statsWindowDays() {
        return statsWindowDays;
    }

    public Duration lookupBackoff() {
        return lookupBackoff;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String jdbcUser() {
        return jdbcUser;
    }

    public String jdbcPassword() {
        return jdbcPassword;
    }

    public int lookupPoolSize() {
        return lookupPoolSize;
    }

    public int lookupBatchSize() {
        return lookupBatchSize;
    }

    public int asyncCapacity() {
        return asyncCapacity;
    }

    public Duration asyncTimeout() {
        return asyncTimeout;
    }

    public int lookupAttempts() {
        return lookupAttempts;
    }

    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    public Duration bufferTimeout() {
        return bufferTimeout;
    }

    public int parallelism() {
        return parallelism;
    }

    public int sinkBatchSize() {
        return sinkBatchSize;
    }

    public Duration sinkBatchInterval() {
        return sinkBatchInterval;
    }

    /** Builder with every default filled in. */
    public static final class Builder {
        private String amqpUri = DEFAULT_AMQP_URI;
        private String queue = DEFAULT_QUEUE;
        private int prefetch = DEFAULT_PREFETCH;
        private String jdbcUrl = DEFAULT_JDBC_URL;
        private String jdbcUser = DEFAULT_JDBC_USER;
        private String jdbcPassword = "";
        private int lookupPoolSize = DEFAULT_LOOKUP_POOL_SIZE;
        private int lookupBatchSize = DEFAULT_LOOKUP_BATCH_SIZE;
        private int asyncCapacity = DEFAULT_ASYNC_CAPACITY;
        private Duration asyncTimeout = DEFAULT_ASYNC_TIMEOUT;
        private int lookupAttempts = DEFAULT_LOOKUP_ATTEMPTS;
        private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        private Duration bufferTimeout = DEFAULT_BUFFER_TIMEOUT;
        private int parallelism = 1;
        private int sinkBatchSize = DEFAULT_SINK_BATCH_SIZE;
        private Duration sinkBatchInterval = DEFAULT_SINK_BATCH_INTERVAL;
        private int expectedRate = DEFAULT_EXPECTED_RATE;
        private String amqpConnectionName = DEFAULT_AMQP_CONNECTION_NAME;
        private Duration restartInitialBackoff = DEFAULT_RESTART_INITIAL_BACKOFF;
        private Duration restartMaxBackoff = DEFAULT_RESTART_MAX_BACKOFF;
        private int statsWindowDays = DEFAULT_STATS_WINDOW_DAYS;
        private Duration lookupBackoff = DEFAULT_LOOKUP_BACKOFF;

        public Builder amqpUri(String v) {
            amqpUri = v;
            return this;
        }

        public Builder queue(String v) {
            queue = v;
            return this;
        }

        public Builder prefetch(int v) {
            prefetch = v;
            return this;
        }

        public Builder jdbcUrl(String v) {
            jdbcUrl = v;
            return this;
        }

        public Builder jdbcUser(String v) {
            jdbcUser = v;
            return this;
        }

        public Builder jdbcPassword(String v) {
            jdbcPassword = v;
            return this;
        }

        public Builder lookupPoolSize(int v) {
            lookupPoolSize = v;
            return this;
        }

        public Builder lookupBatchSize(int v) {
            lookupBatchSize = v;
            return this;
        }

        public Builder asyncCapacity(int v) {
            asyncCapacity = v;
            return this;
        }

        public Builder asyncTimeout(Duration v) {
            asyncTimeout = v;
            return this;
        }

        public Builder lookupAttempts(int v) {
            lookupAttempts = v;
            return this;
        }

        public Builder checkpointInterval(Duration v) {
            checkpointInterval = v;
            return this;
        }

        public Builder bufferTimeout(Duration v) {
            bufferTimeout = v;
            return this;
        }

        public Builder parallelism(int v) {
            parallelism = v;
            return this;
        }

        public Builder sinkBatchSize(int v) {
            sinkBatchSize = v;
            return this;
        }

        public Builder sinkBatchInterval(Duration v) {
            sinkBatchInterval = v;
            return this;
        }

        public Builder expectedRate(int v) {
            expectedRate = v;
            return this;
        }

        public Builder amqpConnectionName(String v) {
            amqpConnectionName = v;
            return this;
        }

        public Builder restartInitialBackoff(Duration v) {
            restartInitialBackoff = v;
            return this;
        }

        public Builder restartMaxBackoff(Duration v) {
            restartMaxBackoff = v;
            return this;
        }

        public Builder statsWindowDays(int v) {
            statsWindowDays = v;
            return this;
        }

        public Builder lookupBackoff(Duration v) {
            lookupBackoff = v;
            return this;
        }

        public JobOptions build() {
            return new JobOptions(this);
        }
    }
}
