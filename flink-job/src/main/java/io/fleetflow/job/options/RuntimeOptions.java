package io.fleetflow.job.options;

import java.time.Duration;
import java.util.List;

/** Checkpoints, parallelism, restarts and the driver statistics' window. */
public final class RuntimeOptions {

    public static final JobOption<Duration> CHECKPOINT_INTERVAL =
            JobOption.millis(
                    "checkpoint-interval-ms",
                    Duration.ofSeconds(2),
                    "Exactly-once checkpoint interval; the source acknowledges messages at each"
                            + " completed checkpoint. In ms.");

    public static final JobOption<Duration> BUFFER_TIMEOUT =
            JobOption.millis(
                    "buffer-timeout-ms",
                    Duration.ofMillis(10),
                    "Longest time a record waits in a partly filled network buffer between two"
                            + " tasks (Flink's 100 ms would dominate a trip's latency at low"
                            + " rates). In ms.");

    public static final JobOption<Integer> PARALLELISM =
            JobOption.atLeast(
                    "parallelism",
                    1,
                    1,
                    "Parallelism of everything after the source (the source is always 1).");

    public static final JobOption<Duration> RESTART_INITIAL_BACKOFF =
            JobOption.millis(
                    "restart-initial-backoff-ms",
                    Duration.ofSeconds(1),
                    "First delay of the exponential-delay restart strategy. In ms.");

    public static final JobOption<Duration> RESTART_MAX_BACKOFF =
            JobOption.millis(
                    "restart-max-backoff-ms",
                    Duration.ofSeconds(30),
                    "Longest delay of the exponential-delay restart strategy. In ms.");

    public static final JobOption<Integer> STATS_WINDOW_DAYS =
            JobOption.atLeast(
                    "stats-window-days",
                    1,
                    30,
                    "Window of trip time the rolling driver statistics cover; also their state"
                            + " TTL. In days.");

    static final List<JobOption<?>> ALL =
            List.of(
                    CHECKPOINT_INTERVAL,
                    BUFFER_TIMEOUT,
                    PARALLELISM,
                    RESTART_INITIAL_BACKOFF,
                    RESTART_MAX_BACKOFF,
                    STATS_WINDOW_DAYS);

    private RuntimeOptions() {}
}
