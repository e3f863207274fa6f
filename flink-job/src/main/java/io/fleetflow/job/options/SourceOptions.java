package io.fleetflow.job.options;

import io.fleetflow.model.PipelineNames;
import java.util.List;

/** Where the job reads trip ids: the RabbitMQ queue and how much the broker may push at once. */
public final class SourceOptions {

    public static final JobOption<String> AMQP_URI =
            JobOption.text("amqp-uri", "amqp://guest:guest@127.0.0.1:5672/%2F", "RabbitMQ URI.");

    public static final JobOption<String> QUEUE =
            JobOption.text(
                    "queue",
                    PipelineNames.QUEUE,
                    "Queue of trip ids, declared durable as the gateway declares it.");

    public static final JobOption<Integer> PREFETCH =
            JobOption.atLeast(
                    "prefetch",
                    0,
                    0,
                    "Unacknowledged messages the broker may push to the source; 0 derives it"
                            + " from the expected rate × checkpoint interval. In messages.");

    public static final JobOption<Integer> EXPECTED_RATE =
            JobOption.atLeast(
                    "expected-rate",
                    1,
                    5_000,
                    "Trip ids per second the source should sustain; sizes the prefetch. Above"
                            + " what one gateway ingests, so a burst or a backlog drains as fast"
                            + " as the job scores. In messages/s.");

    public static final JobOption<String> AMQP_CONNECTION_NAME =
            JobOption.text(
                    "amqp-connection-name",
                    "fleetflow-scoring-job",
                    "Name the source's AMQP connection carries, so operators can find it.");

    static final List<JobOption<?>> ALL =
            List.of(AMQP_URI, QUEUE, PREFETCH, EXPECTED_RATE, AMQP_CONNECTION_NAME);

    private SourceOptions() {}

    /**
     * Unacknowledged messages the broker may push to the source: the explicit {@code --prefetch},
     * or else expected rate × checkpoint interval (messages are acknowledged only when a checkpoint
     * completes, so this caps throughput per interval).
     */
    public static int prefetch(JobOptions options) {
        int explicit = options.get(PREFETCH);
        if (explicit > 0) {
            return explicit;
        }
        long intervalMs = options.get(RuntimeOptions.CHECKPOINT_INTERVAL).toMillis();
        long derived = (long) Math.ceil(options.get(EXPECTED_RATE) * intervalMs / 1000.0);
        return (int) Math.max(1, Math.min(65_535, derived));
    }
}
