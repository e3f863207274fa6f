package io.fleetflow.job.options;

import java.time.Duration;
import java.util.List;

/** The async claim-and-read of each trip's blob. */
public final class LookupOptions {

    public static final JobOption<Integer> POOL_SIZE =
            JobOption.atLeast(
                    "lookup-pool-size",
                    1,
                    4,
                    "Connections in each lookup subtask's pool; also its executor's threads.");

    public static final JobOption<Integer> BATCH_SIZE =
            JobOption.atLeast(
                    "lookup-batch-size",
                    1,
                    32,
                    "Most trip ids claimed with one statement; ids are grouped only while every"
                            + " connection is busy. In trips.");

    public static final JobOption<Integer> ASYNC_CAPACITY =
            JobOption.atLeast(
                    "async-capacity",
                    1,
                    64,
                    "Lookups in flight per subtask; at least the pool size. In trips.");

    public static final JobOption<Duration> ASYNC_TIMEOUT =
            JobOption.millis(
                    "async-timeout-ms",
                    Duration.ofSeconds(60),
                    "A lookup still unanswered after this fails the trip (lookupTimeout). In ms.");

    public static final JobOption<Integer> ATTEMPTS =
            JobOption.atLeast(
                    "lookup-attempts",
                    1,
                    8,
                    "Attempts per lookup on a database error before the job fails and restarts"
                            + " from its last checkpoint; a trip id with no row fails the trip.");

    public static final JobOption<Duration> BACKOFF =
            JobOption.millis(
                    "lookup-backoff-ms",
                    Duration.ofMillis(200),
                    "First wait before a lookup is retried; it doubles per attempt up to 5 s."
                            + " In ms.");

    static final List<JobOption<?>> ALL =
            List.of(POOL_SIZE, BATCH_SIZE, ASYNC_CAPACITY, ASYNC_TIMEOUT, ATTEMPTS, BACKOFF);

    private LookupOptions() {}
}
