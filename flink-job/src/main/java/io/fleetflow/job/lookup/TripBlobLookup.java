package io.fleetflow.job.lookup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.job.metrics.ConcurrentCounter;
import io.fleetflow.job.scoring.FailureKind;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up each trip id's blob in PostgreSQL without blocking the task thread: queries and retry
 * waits run on a bounded scheduled executor with as many threads as the Hikari pool has
 * connections, both created in {@link #open} and released in {@link #close}. The async operator's
 * capacity bounds the work queued on it.
 *
 * <p>Failure semantics:
 *
 * <ul>
 *   <li>An id with no row is retried ({@value #MISSING_ROW_ATTEMPTS} attempts, with backoff), then
 *       becomes an {@link FailureKind#UNKNOWN_TRIP} failure, counted and dropped (no row to mark).
 *   <li>A lookup that outlives the async timeout becomes a {@link FailureKind#LOOKUP_TIMEOUT}
 *       failure: the trip ends {@code FAILED} with that reason.
 *   <li>A database error is retried with backoff; when the attempts run out the lookup fails the
 *       job, which restarts from its last checkpoint and gets every unacknowledged id again — an
 *       outage must not turn good trips into failures.
 *   <li>A trip already {@code COMPLETED} or {@code FAILED} is a redelivery after a restore: it is
 *       looked up again and re-scored (the sinks are idempotent), counted in {@code
 *       redeliveredFinishedTrips}.
 * </ul>
 */
public class TripBlobLookup extends RichAsyncFunction<String, LookedUpTrip> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TripBlobLookup.class);

    /** Attempts for an id whose row is missing; the gateway commits rows before publishing. */
    static final int MISSING_ROW_ATTEMPTS = 3;

    private static final int LATENCY_WINDOW = 1_000;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int poolSize;
    private final int attempts;
    private final Duration firstBackoff;

    private transient HikariDataSource dataSource;
    private transient ScheduledThreadPoolExecutor executor;
    private transient Backoff backoff;
    private transient Counter redelivered;
    private transient Counter retries;
    private transient Counter blobBytes;
    private transient Histogram latencyMs;

    public TripBlobLookup(
            String jdbcUrl,
            String user,
            String password,
            int poolSize,
            int attempts,
            Duration firstBackoff) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.poolSize = poolSize;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    @Override
    public void open(Configuration parameters) {
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        HikariConfig config = new HikariConfig();
        config.setPoolName("trip-lookup-" + subtask);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("socketTimeout", "30");
        // The PROCESSING mark is advisory: if a crash loses it, the trip is still unacknowledged in
        // the broker and gets claimed again. Not waiting for its WAL flush saves an fsync per trip.
        config.setConnectionInitSql("SET synchronous_commit = off");
        dataSource = new HikariDataSource(config);
        executor =
                new ScheduledThreadPoolExecutor(
                        poolSize,
                        r -> {
                            Thread t = new Thread(r, "trip-lookup-" + subtask);
                            t.setDaemon(true);
                            return t;
                        });
        executor.setRemoveOnCancelPolicy(true);
        backoff = new Backoff(firstBackoff);
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        redelivered = metrics.counter("redeliveredFinishedTrips", new ConcurrentCounter());
        retries = metrics.counter("lookupRetries", new ConcurrentCounter());
        blobBytes = metrics.counter("blobBytes", new ConcurrentCounter());
        latencyMs =
                metrics.histogram(
                        "lookupLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Override
    public void asyncInvoke(String tripId, ResultFuture<LookedUpTrip> result) {
        // The source emits canonical UUIDs only; a bad one here is a bug, not a poison message.
        UUID id = UUID.fromString(tripId);
        long startNanos = System.nanoTime();
        executor.execute(() -> attempt(id, 1, startNanos, result));
    }

    @Override
    public void timeout(String tripId, ResultFuture<LookedUpTrip> result) {
        LOG.warn("Lookup of trip {} timed out", tripId);
        result.complete(
                List.of(
                        LookedUpTrip.failed(
                                tripId,
                                FailureKind.LOOKUP_TIMEOUT,
                                "looking up the trip's telemetry timed out")));
    }

    private void attempt(UUID tripId, int attempt, long startNanos, ResultFuture<LookedUpTrip> r) {
        try {
            TripClaimQuery.Outcome outcome = TripClaimQuery.claim(dataSource, tripId);
            switch (outcome.kind()) {
                case CLAIMED, ALREADY_FINISHED -> {
                    if (outcome.kind() == TripClaimQuery.Kind.ALREADY_FINISHED) {
                        redelivered.inc();
                    }
                    latencyMs.update((System.nanoTime() - startNanos) / 1_000_000);
                    blobBytes.inc(outcome.trip().blob.length());
                    r.complete(List.of(outcome.trip()));
                }
                case UNKNOWN -> {
                    if (attempt < MISSING_ROW_ATTEMPTS) {
                        retryLater(tripId, attempt, startNanos, r);
                    } else {
                        r.complete(
                                List.of(
                                        LookedUpTrip.unrecordable(
                                                FailureKind.UNKNOWN_TRIP,
                                                "no trip with id " + tripId)));
                    }
                }
            }
        } catch (SQLException e) {
            if (attempt >= attempts) {
                r.completeExceptionally(
                        new SQLException(
                                "lookup of trip " + tripId + " failed " + attempts + " times", e));
                return;
            }
            LOG.warn(
                    "Lookup of trip {} failed (attempt {}/{}): {}",
                    tripId,
                    attempt,
                    attempts,
                    e.getMessage());
            retryLater(tripId, attempt, startNanos, r);
        } catch (RuntimeException e) {
            r.completeExceptionally(e);
        }
    }

    private void retryLater(
            UUID tripId, int attempt, long startNanos, ResultFuture<LookedUpTrip> r) {
        retries.inc();
        executor.schedule(
                () -> attempt(tripId, attempt + 1, startNanos, r),
                backoff.delayMsAfter(attempt),
                TimeUnit.MILLISECONDS);
    }
}
