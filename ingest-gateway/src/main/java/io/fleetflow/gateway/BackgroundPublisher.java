package io.fleetflow.gateway;

import io.fleetflow.gateway.ops.GatewayMetrics;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the ids of committed trips off the request path, so a 202 waits for the database commit
 * only. Confirmed ids are marked published in batches. Nothing here can lose a trip: the row is
 * committed first, and any id not confirmed and marked (broker down, queue full, crash) is still
 * {@code published_at IS NULL} and is published by the {@link PendingTripRelay}.
 */
public final class BackgroundPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPublisher.class);

    /** Ids waiting to be published at most; beyond it the relay takes over. */
    public static final int QUEUE_CAPACITY = 10_000;

    /** How often confirmed ids are marked published. */
    static final Duration MARK_INTERVAL = Duration.ofMillis(20);

    private static final int MARK_BATCH = 1_000;

    private final TripPublisher publisher;
    private final TripStore store;
    private final GatewayMetrics metrics;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService marker;
    private final ConcurrentLinkedQueue<UUID> confirmed = new ConcurrentLinkedQueue<>();

    public BackgroundPublisher(
            TripPublisher publisher, TripStore store, int threads, GatewayMetrics metrics) {
        this.publisher = publisher;
        this.store = store;
        this.metrics = metrics;
        AtomicInteger n = new AtomicInteger();
        this.workers =
                new ThreadPoolExecutor(
                        threads,
                        threads,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                        r -> daemon(r, "trip-publisher-" + n.incrementAndGet()));
        this.marker =
                Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "trip-publish-marker"));
        marker.scheduleWithFixedDelay(
                this::markConfirmed,
                MARK_INTERVAL.toMillis(),
                MARK_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Queues the id of a committed trip for publishing; never blocks, never throws. */
    public void submit(UUID tripId) {
        try {
            workers.execute(() -> publish(tripId));
        } catch (RejectedExecutionException e) {
            metrics.publishFailed();
            LOG.warn("Publish queue full; trip {} is left to the relay", tripId);
        }
    }

    private void publish(UUID tripId) {
        try {
            publisher.publish(tripId);
            confirmed.add(tripId);
        } catch (TripPublisher.PublishException e) {
            metrics.publishFailed();
            LOG.warn("Trip {} stored but not yet published: {}", tripId, e.getMessage());
        }
    }

    private void markConfirmed() {
        List<UUID> batch = new ArrayList<>();
        UUID id;
        while (batch.size() < MARK_BATCH && (id = confirmed.poll()) != null) {
            batch.add(id);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.markPublished(batch);
        } catch (SQLException | RuntimeException e) {
            // Unmarked trips look unpublished: the relay publishes them again (harmless duplicate).
            LOG.warn("Could not mark {} published trips: {}", batch.size(), e.getMessage());
        }
    }

    /** Publishes what is queued (at most {@code grace}), marks it, then stops. */
    public void close(Duration grace) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        marker.shutdown();
        try {
            marker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        while (!confirmed.isEmpty()) {
            int before = confirmed.size();
            markConfirmed();
            if (confirmed.size() >= before) {
                break;
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
