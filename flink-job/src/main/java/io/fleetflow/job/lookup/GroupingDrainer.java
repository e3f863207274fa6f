package io.fleetflow.job.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Hands submitted items to a consumer in groups, on at most {@code maxWorkers} tasks of an executor
 * at once. A free worker takes its share of the waiting items — an even split over all workers, at
 * least one and at most {@code maxGroup} — so nothing waits for a group to fill: a lone item is
 * handled at once, and items group up only while workers are busy — the busier the database, the
 * larger (and cheaper per item) the statements. The even split keeps a few large items (long trips,
 * whose blobs take the database most of a statement's time to send) spread over all connections
 * instead of queued behind one.
 *
 * <p>Thread-safe; {@link #submit} may be called from any thread. No Flink and no I/O here.
 */
final class GroupingDrainer<T> {

    private final Queue<T> waiting = new ConcurrentLinkedQueue<>();

    /** The size of {@link #waiting}, which a concurrent queue does not know cheaply. */
    private final AtomicInteger waitingCount = new AtomicInteger();

    private final AtomicInteger workers = new AtomicInteger();
    private final Executor executor;
    private final int maxWorkers;
    private final int maxGroup;
    private final Consumer<List<T>> consumer;

    /**
     * @param consumer handles one group; must not throw (it owns its items' outcomes)
     */
    GroupingDrainer(Executor executor, int maxWorkers, int maxGroup, Consumer<List<T>> consumer) {
        if (maxWorkers < 1 || maxGroup < 1) {
            throw new IllegalArgumentException("maxWorkers and maxGroup must be at least 1");
        }
        this.executor = executor;
        this.maxWorkers = maxWorkers;
        this.maxGroup = maxGroup;
        this.consumer = consumer;
    }

    void submit(T item) {
        waiting.add(item);
        waitingCount.incrementAndGet();
        startWorkerIfFree();
    }

    private void startWorkerIfFree() {
        while (true) {
            int running = workers.get();
            if (running >= maxWorkers) {
                return; // a running worker will take the item when it is done
            }
            if (workers.compareAndSet(running, running + 1)) {
                executor.execute(this::drain);
                return;
            }
        }
    }

    private void drain() {
        while (true) {
            List<T> group = take();
            if (!group.isEmpty()) {
                consumer.accept(group);
                continue;
            }
            workers.decrementAndGet();
            // An item submitted after take() but while this worker still counted as running
            // started no worker: take it on again, unless another worker has started meanwhile.
            if (waiting.isEmpty() || !reenter()) {
                return;
            }
        }
    }

    private boolean reenter() {
        while (true) {
            int running = workers.get();
            if (running >= maxWorkers) {
                return false;
            }
            if (workers.compareAndSet(running, running + 1)) {
                return true;
            }
        }
    }

    private List<T> take() {
        int share = Math.min(maxGroup, Math.max(1, ceilDiv(waitingCount.get(), maxWorkers)));
        List<T> group = new ArrayList<>(share);
        T item;
        while (group.size() < share && (item = waiting.poll()) != null) {
            waitingCount.decrementAndGet();
            group.add(item);
        }
        return group;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
