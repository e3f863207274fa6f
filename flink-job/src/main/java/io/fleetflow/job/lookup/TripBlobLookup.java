package io.fleetflow.job.lookup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up each trip id's blob in PostgreSQL without blocking the task thread: queries run on a
 * bounded executor the size of the connection pool, both created in {@link #open} and released in
 * {@link #close}.
 *
 * <p>Failure semantics: an id that is not a UUID, or names no trip, becomes a failed {@link
 * LookedUpTrip} (the trip ends {@code FAILED}, or is only counted when there is no row). A trip
 * already finished is a duplicate delivery and is dropped. A database error is retried with
 * backoff; when the attempts run out the lookup fails the job, which restarts from its last
 * checkpoint — the broker redelivers every unacknowledged id, so nothing is lost.
 */
public class TripBlobLookup extends RichAsyncFunction<String, LookedUpTrip> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TripBlobLookup.class);
    private static final long FIRST_BACKOFF_MS = 200;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int poolSize;
    private final int attempts;

    private transient HikariDataSource dataSource;
    private transient ExecutorService executor;
    private transient Counter duplicates;
    private transient Counter retries;

    public TripBlobLookup(
            String jdbcUrl, String user, String password, int poolSize, int attempts) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.poolSize = poolSize;
        this.attempts = attempts;
    }

    @Override
    public void open(Configuration parameters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(
                "trip-lookup-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        dataSource = new HikariDataSource(config);
        executor =
                Executors.newFixedThreadPool(
                        poolSize,
                        r -> {
                            Thread t = new Thread(r, "trip-lookup");
                            t.setDaemon(true);
                            return t;
                        });
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateDeliveriesSkipped");
        retries = getRuntimeContext().getMetricGroup().counter("lookupRetries");
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
    public void asyncInvoke(String tripIdText, ResultFuture<LookedUpTrip> result) {
        Optional<UUID> tripId = TripClaimQuery.parseTripId(tripIdText);
        if (tripId.isEmpty()) {
            result.complete(
                    List.of(
                            LookedUpTrip.unrecordable(
                                    "message is not a trip id: " + abbreviate(tripIdText))));
            return;
        }
        CompletableFuture.runAsync(() -> lookup(tripId.get(), result), executor);
    }

    private void lookup(UUID tripId, ResultFuture<LookedUpTrip> result) {
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                TripClaimQuery.Outcome outcome = TripClaimQuery.claim(dataSource, tripId);
                switch (outcome.kind()) {
                    case CLAIMED -> result.complete(List.of(outcome.trip()));
                    case ALREADY_FINISHED -> {
                        duplicates.inc();
                        result.complete(Collections.emptyList());
                    }
                    case UNKNOWN ->
                            result.complete(
                                    List.of(
                                            LookedUpTrip.unrecordable(
                                                    "no trip with id " + tripId)));
                }
                return;
            } catch (SQLException e) {
                if (attempt >= attempts) {
                    result.completeExceptionally(
                            new SQLException(
                                    "lookup of trip " + tripId + " failed " + attempts + " times",
                                    e));
                    return;
                }
                retries.inc();
                LOG.warn(
                        "Lookup of trip {} failed (attempt {}/{}), retrying in {} ms: {}",
                        tripId,
                        attempt,
                        attempts,
                        backoff,
                        e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(ie);
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "<empty>";
        }
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
