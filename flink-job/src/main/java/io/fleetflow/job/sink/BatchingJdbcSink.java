package io.fleetflow.job.sink;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDBC sink that writes each batch with one {@link BatchStatement}. A batch is written when it
 * holds {@code batchSize} keys, {@code maxDelay} after its first record arrived, and at every
 * checkpoint: Flink calls {@link SinkWriter#flush} before the barrier passes, so a completed
 * checkpoint implies its records are in the database (at-least-once; the idempotent statement makes
 * it exactly-once in effect). A failed write is retried on a fresh connection with a growing pause;
 * when the retries run out the job fails and restarts from its last checkpoint.
 */
public final class BatchingJdbcSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BatchingJdbcSink.class);

    /** Writes retried after the first failure before the job is failed. */
    static final int MAX_RETRIES = 5;

    /**
     * Immediate retries of a write that found its rows busy (see {@link
     * BatchStatement#isContention}), {@value #CONTENDED_PAUSE_MS} ms apart, before such a write
     * counts as failed.
     */
    static final int MAX_CONTENDED = 250;

    static final long CONTENDED_PAUSE_MS = 20;

    /** Metric: batches written (committed). */
    static final String BATCHES_WRITTEN = "batchesWritten";

    /** Metric: writes that found their rows busy and were tried again at once. */
    static final String CONTENDED_RETRIES = "contendedRetries";

    /** Metric: writes that failed otherwise and were retried on a fresh connection. */
    static final String FAILED_ATTEMPTS = "failedWriteAttempts";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int batchSize;
    private final Duration maxDelay;
    private final BatchStatement<T> statement;

    public BatchingJdbcSink(
            String jdbcUrl,
            String user,
            String password,
            int batchSize,
            Duration maxDelay,
            BatchStatement<T> statement) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.batchSize = batchSize;
        this.maxDelay = maxDelay;
        this.statement = statement;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(this, context.getProcessingTimeService(), context.metricGroup());
    }

    @Override
    @Deprecated
    public SinkWriter<T> createWriter(InitContext context) {
        return new Writer<>(this, context.getProcessingTimeService(), context.metricGroup());
    }

    /** Buffers by key; all methods, timer callbacks included, run on the task thread. */
    static final class Writer<T> implements SinkWriter<T> {
        private final BatchingJdbcSink<T> sink;
        private final ProcessingTimeService time;
        private final Map<String, T> buffer = new LinkedHashMap<>();
        private final Counter batchesWritten;
        private final Counter contendedRetries;
        private final Counter failedAttempts;
        private Connection connection;
        private boolean timerSet;

        Writer(BatchingJdbcSink<T> sink, ProcessingTimeService time, MetricGroup metrics) {
            this.sink = sink;
            this.time = time;
            this.batchesWritten = metrics.counter(BATCHES_WRITTEN);
            this.contendedRetries = metrics.counter(CONTENDED_RETRIES);
            this.failedAttempts = metrics.counter(FAILED_ATTEMPTS);
        }

        @Override
        public void write(T element, Context context) throws IOException {
            buffer.put(sink.statement.key(element), element);
            if (buffer.size() >= sink.batchSize) {
                writeBuffer();
            } else if (!timerSet) {
                timerSet = true;
                time.registerTimer(
                        time.getCurrentProcessingTime() + sink.maxDelay.toMillis(),
                        timestamp -> {
                            timerSet = false;
                            writeBuffer();
                        });
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            writeBuffer();
        }

        /** Records waiting for the next write; for tests. */
        int buffered() {
            return buffer.size();
        }

        private void writeBuffer() throws IOException {
            if (buffer.isEmpty()) {
                return;
            }
            int contended = 0;
            for (int attempt = 0; ; attempt++) {
                try {
                    Connection c = connection();
                    sink.statement.execute(c, buffer.values());
                    c.commit();
                    buffer.clear();
                    batchesWritten.inc();
                    return;
                } catch (SQLException e) {
                    if (BatchStatement.isContention(e) && contended < MAX_CONTENDED) {
                        contended++;
                        contendedRetries.inc();
                        attempt--;
                        rollback();
                        pause(CONTENDED_PAUSE_MS);
                        continue;
                    }
                    closeConnection();
                    failedAttempts.inc();
                    if (attempt >= MAX_RETRIES) {
                        throw new IOException("writing a batch of " + buffer.size() + " failed", e);
                    }
                    LOG.warn(
                            "Writing a batch of {} failed (attempt {}/{}): {}",
                            buffer.size(),
                            attempt + 1,
                            MAX_RETRIES + 1,
                            e.getMessage());
                    pause(1_000L * (attempt + 1));
                }
            }
        }

        private Connection connection() throws SQLException {
            if (connection == null) {
                connection = DriverManager.getConnection(sink.jdbcUrl, sink.user, sink.password);
                connection.setAutoCommit(false);
            }
            return connection;
        }

        private void rollback() {
            try {
                connection.rollback();
            } catch (SQLException e) {
                closeConnection();
            }
        }

        private static void pause(long ms) throws IOException {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while retrying a batch write", e);
            }
        }

        private void closeConnection() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("Closing a failed connection: {}", e.getMessage());
                }
                connection = null;
            }
        }

        @Override
        public void close() {
            closeConnection();
        }
    }
}
