package io.fleetflow.gateway;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes trips that were committed but whose id never reached the broker (it was down, or the
 * gateway died between commit and publish). Safe with several gateway instances: rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}. A trip may be published twice; the job's sink is idempotent,
 * so that is harmless.
 */
public final class PendingTripRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PendingTripRelay.class);
    private static final int BATCH = 500;

    private final TripStore store;
    private final TripPublisher publisher;
    private final Duration interval;
    private final Duration minAge;
    private final Duration staleAge;
    private final java.util.function.IntConsumer listener;
    private final AtomicLong republished = new AtomicLong();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "pending-trip-relay");
                        t.setDaemon(true);
                        return t;
                    });

    public PendingTripRelay(
            TripStore store, TripPublisher publisher, Duration interval, Duration minAge) {
        this(store, publisher, interval, minAge, null, n -> {});
    }

    /**
     * @param minAge how old an unpublished trip must be before the relay publishes it
     * @param staleAge how long a published trip may stay {@code PENDING} before its id is published
     *     again, doubled with every publish after the first (at most 64 times as long); {@code
     *     null} never republishes
     * @param republishedListener told how many trips each productive round published (metrics)
     */
    public PendingTripRelay(
            TripStore store,
            TripPublisher publisher,
            Duration interval,
            Duration minAge,
            Duration staleAge,
            java.util.function.IntConsumer republishedListener) {
        this.store = store;
        this.publisher = publisher;
        this.interval = interval;
        this.minAge = minAge;
        this.staleAge = staleAge;
        this.listener = republishedListener;
    }

    public void start() {
        timer.scheduleWithFixedDelay(
                this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One relay round; returns how many trips it published. Never throws. */
    public int runOnce() {
        try {
            int total = 0;
            int n;
            do {
                n = store.relayUnpublished(minAge, staleAge, BATCH, publisher);
                total += n;
            } while (n == BATCH);
            if (total > 0) {
                republished.addAndGet(total);
                listener.accept(total);
                LOG.info("Relay published {} trips that had not reached the broker", total);
            }
            return total;
        } catch (Exception e) {
            LOG.warn("Relay round failed: {}", e.getMessage());
            return 0;
        }
    }

    /** Trips published by the relay since start. */
    public long republished() {
        return republished.get();
    }

    /** Stops the timer and lets a running round finish (it holds row locks until it commits). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timer.shutdownNow();
        }
    }
}
