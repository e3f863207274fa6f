package io.fleetflow.gateway.publish;

import io.fleetflow.gateway.ops.GatewayMetrics;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the ids of committed trips off the request path, so a 202 waits for the database commit
 * only. Each publisher thread takes whatever ids are waiting (up to {@link #PUBLISH_BATCH}),
 * publishes them on one channel and waits once for the broker's confirms: under load the ids of
 * many concurrent requests share one confirm round trip. Confirmed ids are marked published in
 * batches. Nothing here can lose a trip: the row is committed first, and any id not confirmed and
 * marked (broker down, queue full, crash) is still {@code published_at IS NULL} and is published by
 * the {@link PendingTripRelay}.
 */
public final class BackgroundPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPublisher.class);

    /** Ids waiting to be published at most; beyond it the relay takes over. */
    public static final int QUEUE_CAPACITY = 10_000;

    /** Most ids published before waiting for their confirms. */
    static final int PUBLISH_BATCH = 500;

    /** How often confirmed ids are marked published. */
    static final Duration MARK_INTERVAL = Duration.ofMillis(20);

    private static final int MARK_BATCH = 1_000;

    private final TripPublisher publisher;
    private final PublicationStore store;
    private final GatewayMetrics metrics;
    private final BlockingQueue<UUID> waiting = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService marker;
    private final ConcurrentLinkedQueue<UUID> confirmed = new ConcurrentLinkedQueue<>();
    private volatile boolean closing;

    /**
     * @param threadCount publisher threads; each waits for one batch's confirms at a time, so two
     *     are enough to keep the broker busy
     */
    public BackgroundPublisher(
            TripPublisher publisher,
            PublicationStore store,
            int threadCount,
            GatewayMetrics metrics) {
        this.publisher = publisher;
        this.store = store;
        this.metrics = metrics;
        for (int i = 1; i <= threadCount; i++) {
            Thread t = daemon(this::publishLoop, "trip-publisher-" + i);
            threads.add(t);
            t.start();
        }
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
        if (closing || !waiting.offer(tripId)) {
            metrics.publishFailed();
            LOG.warn("Publish queue full or closing; trip {} is left to the relay", tripId);
        }
    }

    private void publishLoop() {
        List<UUID> batch = new ArrayList<>(PUBLISH_BATCH);
        while (!(closing && waiting.isEmpty())) {
            try {
                UUID first = waiting.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, PUBLISH_BATCH - 1);
                publish(batch);
            } catch (InterruptedException e) {
                return; // close() gave up waiting: what is left goes to the relay
            } finally {
                batch.clear();
            }
        }
    }

    private void publish(List<UUID> batch) {
        try {
            publisher.publishAll(batch);
            confirmed.addAll(batch);
        } catch (TripPublisher.PublishException e) {
            for (int i = 0; i < batch.size(); i++) {
                metrics.publishFailed();
            }
            LOG.warn("{} trips stored but not yet published: {}", batch.size(), e.getMessage());
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
        closing = true;
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.forEach(Thread::interrupt);
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
