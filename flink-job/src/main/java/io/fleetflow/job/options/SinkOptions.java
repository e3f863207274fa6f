package io.fleetflow.job.options;

import java.time.Duration;
import java.util.List;

/** How the sinks batch their writes (batches are also flushed at every checkpoint). */
public final class SinkOptions {

    public static final JobOption<Integer> BATCH_SIZE =
            JobOption.atLeast(
                    "sink-batch-size", 1, 200, "Most records a sink writes with one statement.");

    public static final JobOption<Duration> BATCH_INTERVAL =
            JobOption.nonNegativeMillis(
                    "sink-batch-interval-ms",
                    Duration.ofMillis(50),
                    "Longest time a result waits in a sink before it is written, unless its batch"
                            + " fills first or a checkpoint flushes it. In ms.");

    static final List<JobOption<?>> ALL = List.of(BATCH_SIZE, BATCH_INTERVAL);

    private SinkOptions() {}
}
