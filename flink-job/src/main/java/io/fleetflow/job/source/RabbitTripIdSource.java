package io.fleetflow.job.source;

import io.fleetflow.job.JobOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.connectors.rabbitmq.RMQSource;
import org.apache.flink.streaming.connectors.rabbitmq.common.RMQConnectionConfig;

/**
 * Trip ids from the RabbitMQ queue with exactly-once semantics: messages are acknowledged only when
 * a checkpoint completes, deduplicated by correlation id, and read by a single subtask (the
 * connector requires parallelism 1 for this). Redeliveries after a restart still reach the sinks,
 * which are idempotent.
 */
public final class RabbitTripIdSource implements TripIdSourceFactory {
    private static final long serialVersionUID = 1L;

    private final String amqpUri;
    private final String queue;
    private final int prefetch;

    public RabbitTripIdSource(JobOptions options) {
        this.amqpUri = options.amqpUri();
        this.queue = options.queue();
        this.prefetch = options.prefetch();
    }

    @Override
    public DataStream<String> create(StreamExecutionEnvironment env) {
        RMQConnectionConfig connection =
                new RMQConnectionConfig.Builder()
                        .setUri(amqpUri)
                        .setPrefetchCount(prefetch)
                        .setAutomaticRecovery(true)
                        .setNetworkRecoveryInterval(2_000)
                        .setConnectionTimeout(10_000)
                        .build();
        return env.addSource(new RMQSource<>(connection, queue, true, new TripIdDeserializer()))
                .setParallelism(1)
                .uid("rabbitmq-trip-ids")
                .name("RabbitMQ trip ids (" + queue + ")");
    }
}
