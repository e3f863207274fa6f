package io.fleetflow.job.metrics;

import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.metrics.Counter;

/**
 * A counter that threads other than the task thread may update (Flink's {@code SimpleCounter} is
 * not thread-safe); the async lookup counts from its executor threads.
 */
public final class ConcurrentCounter implements Counter {
    private final LongAdder count = new LongAdder();

    @Override
    public void inc() {
        count.increment();
    }

    @Override
    public void inc(long n) {
        count.add(n);
    }

    @Override
    public void dec() {
        count.decrement();
    }

    @Override
    public void dec(long n) {
        count.add(-n);
    }

    @Override
    public long getCount() {
        return count.sum();
    }
}
