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
        this.store = store;
        this.publisher = publisher;
        this.interval = interval;
        this.minAge = minAge;
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
                n = store.relayUnpublished(minAge, BATCH, publisher);
                total += n;
            } while (n == BATCH);
            if (total > 0) {
                republished.addAndGet(total);
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

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
