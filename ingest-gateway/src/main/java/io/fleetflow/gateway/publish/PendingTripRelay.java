package io.fleetflow.gateway.publish;

import java.time.Duration;
import java.time.Instant;
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

    /**
     * A round reads the unfinished trips in slices of this many, at most {@link #SLICES_PER_ROUND}
     * slices, and the next round goes on where it stopped: with a backlog of 300,000 trips (the job
     * stopped), reading all of them took 0.6-0.9 s of PostgreSQL time per round (5 s apart, in
     * every gateway instance); a round now reads at most 50,000.
     */
    static final int SLICE_ROWS = 10_000;

    static final int SLICES_PER_ROUND = 5;

    private final PublicationStore store;
    private final TripPublisher publisher;
    private final Duration interval;
    private final Duration minAge;
    private final Duration staleAge;
    private final java.util.function.IntConsumer listener;
    private final int sliceRows;
    private final int slicesPerRound;

    /** Where the next round starts; only the round in progress moves it. */
    private ReceivedRange next = ReceivedRange.ALL;

    private final AtomicLong republished = new AtomicLong();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "pending-trip-relay");
                        t.setDaemon(true);
                        return t;
                    });

    public PendingTripRelay(
            PublicationStore store, TripPublisher publisher, Duration interval, Duration minAge) {
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
            PublicationStore store,
            TripPublisher publisher,
            Duration interval,
            Duration minAge,
            Duration staleAge,
            java.util.function.IntConsumer republishedListener) {
        this(
                store,
                publisher,
                interval,
                minAge,
                staleAge,
                republishedListener,
                SLICE_ROWS,
                SLICES_PER_ROUND);
    }

    PendingTripRelay(
            PublicationStore store,
            TripPublisher publisher,
            Duration interval,
            Duration minAge,
            Duration staleAge,
            java.util.function.IntConsumer republishedListener,
            int sliceRows,
            int slicesPerRound) {
        this.store = store;
        this.publisher = publisher;
        this.interval = interval;
        this.minAge = minAge;
        this.staleAge = staleAge;
        this.listener = republishedListener;
        this.sliceRows = sliceRows;
        this.slicesPerRound = slicesPerRound;
    }

    public void start() {
        timer.scheduleWithFixedDelay(
                this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One relay round over the next slices of the unfinished trips (all of them when there are
     * fewer than a round's slices hold); returns how many trips it published. Never throws.
     */
    public synchronized int runOnce() {
        int total = 0;
        try {
            for (int slice = 0; slice < slicesPerRound; slice++) {
                Instant end = store.unfinishedSliceEnd(next, sliceRows);
                ReceivedRange range = next.upTo(end);
                PublicationStore.Relayed r;
                do {
                    r = store.relayUnpublished(minAge, staleAge, range, BATCH, publisher);
                    total += r.published();
                } while (r.found() == BATCH && !r.brokerAway());
                if (r.brokerAway()) {
                    break; // the next round tries this slice again
                }
                if (end == null) {
                    next = ReceivedRange.ALL; // read up to the newest: start again from the oldest
                    break;
                }
                // Trips received at the slice's last instant may go on past it: the next slice
                // starts at that instant, unless the whole slice was that one instant.
                next = new ReceivedRange(end, end.equals(next.from()), null);
            }
        } catch (Exception e) {
            LOG.warn("Relay round failed: {}", e.getMessage());
        }
        try {
            if (total > 0) {
                republished.addAndGet(total);
                listener.accept(total);
                LOG.info("Relay published {} trips that had not reached the broker", total);
            }
        } catch (RuntimeException e) {
            LOG.warn("Relay listener failed: {}", e.getMessage());
        }
        return total;
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
