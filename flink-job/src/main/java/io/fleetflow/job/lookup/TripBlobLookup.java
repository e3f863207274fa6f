package io.fleetflow.job.lookup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.job.failure.FailureKind;
import io.fleetflow.job.metrics.ConcurrentCounter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * capacity bounds the work queued on it. Ids are claimed in groups ({@link GroupingDrainer}): a
 * free connection takes every id waiting, up to {@code batchSize}, and claims them with one
 * statement, so a lone id is not delayed and a busy database gets fewer, larger statements.
 *
 * <p>Failure semantics:
 *
 * <ul>
 *   <li>Each id keeps its own attempts and outcome, whatever group it was claimed in.
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

    /** The {@code failure_reason} of a trip claimed after retention dropped its samples. */
    static final String SAMPLES_DROPPED_REASON =
            "the trip's raw samples were dropped by retention (FLEETFLOW_RAW_RETENTION_DAYS)"
                    + " before it was scored";

    /** Attempts for an id whose row is missing; the gateway commits rows before publishing. */
    static final int MISSING_ROW_ATTEMPTS = 3;

    private static final int LATENCY_WINDOW = 1_000;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int poolSize;
    private final int batchSize;
    private final int attempts;
    private final Duration firstBackoff;

    private transient HikariDataSource dataSource;
    private transient ScheduledThreadPoolExecutor executor;
    private transient Backoff backoff;
    private transient GroupingDrainer<Pending> drainer;
    private transient Counter redelivered;
    private transient Counter retries;
    private transient Counter blobBytes;
    private transient Histogram latencyMs;

    public TripBlobLookup(
            String jdbcUrl,
            String user,
            String password,
            int poolSize,
            int batchSize,
            int attempts,
            Duration firstBackoff) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.poolSize = poolSize;
        this.batchSize = batchSize;
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
        drainer = new GroupingDrainer<>(executor, poolSize, batchSize, this::claim);
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
        drainer.submit(new Pending(id, result, System.nanoTime()));
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

    /** One id on its way through the claims, with the attempts it has had so far. */
    private static final class Pending {
        final UUID tripId;
        final ResultFuture<LookedUpTrip> result;
        final long startNanos;
        int attempt = 1;

        Pending(UUID tripId, ResultFuture<LookedUpTrip> result, long startNanos) {
            this.tripId = tripId;
            this.result = result;
            this.startNanos = startNanos;
        }
    }

    /** Claims one group on the calling executor thread and settles or reschedules each id. */
    private void claim(List<Pending> group) {
        Map<UUID, TripClaimQuery.Outcome> found;
        try {
            List<UUID> ids = new ArrayList<>(group.size());
            group.forEach(p -> ids.add(p.tripId));
            found = TripClaimQuery.claim(dataSource, ids);
        } catch (SQLException e) {
            LOG.warn("Claiming a group of {} trips failed: {}", group.size(), e.getMessage());
            for (Pending p : group) {
                failedAttempt(p, e);
            }
            return;
        } catch (RuntimeException e) {
            group.forEach(p -> p.result.completeExceptionally(e));
            return;
        }
        for (Pending p : group) {
            TripClaimQuery.Outcome outcome = found.get(p.tripId);
            if (outcome != null) {
                if (outcome.kind() == TripClaimQuery.Kind.ALREADY_FINISHED) {
                    redelivered.inc();
                }
                latencyMs.update((System.nanoTime() - p.startNanos) / 1_000_000);
                if (outcome.samplesDropped()) {
                    p.result.complete(
                            List.of(
                                    LookedUpTrip.failed(
                                            outcome.tripId(),
                                            FailureKind.SAMPLES_DROPPED,
                                            SAMPLES_DROPPED_REASON)));
                    continue;
                }
                blobBytes.inc(outcome.blob().length);
                p.result.complete(List.of(outcome.trip()));
            } else if (p.attempt < MISSING_ROW_ATTEMPTS) {
                retryLater(p);
            } else {
                p.result.complete(
                        List.of(
                                LookedUpTrip.unrecordable(
                                        FailureKind.UNKNOWN_TRIP, "no trip with id " + p.tripId)));
            }
        }
    }

    /**
     * A database error: retried with backoff until the id's attempts run out, then the job fails.
     */
    private void failedAttempt(Pending p, SQLException e) {
        if (p.attempt >= attempts) {
            p.result.completeExceptionally(
                    new SQLException(
                            "lookup of trip " + p.tripId + " failed " + attempts + " times", e));
            return;
        }
        retryLater(p);
    }

    private void retryLater(Pending p) {
        retries.inc();
        long delayMs = backoff.delayMsAfter(p.attempt);
        p.attempt++;
        executor.schedule(() -> drainer.submit(p), delayMs, TimeUnit.MILLISECONDS);
    }
}
