package io.fleetflow.job.source;

import com.rabbitmq.client.Connection;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.SourceOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.connectors.rabbitmq.RMQDeserializationSchema;
import org.apache.flink.streaming.connectors.rabbitmq.RMQSource;
import org.apache.flink.streaming.connectors.rabbitmq.common.RMQConnectionConfig;

/**
 * Trip ids from the RabbitMQ queue with exactly-once semantics: messages are acknowledged only when
 * a checkpoint completes, deduplicated by correlation id, and read by a single subtask (the
 * connector requires parallelism 1 for this). Redeliveries after a restart still reach the sinks,
 * which are idempotent.
 *
 * <p>Automatic connection recovery is off on purpose: a recovered connection gets a new channel,
 * and the delivery tags the source holds for its next checkpoint would then acknowledge the wrong
 * messages or fail. A dropped connection instead fails the source; the job restarts from its last
 * checkpoint and the broker redelivers every unacknowledged id.
 */
public final class RabbitTripIdSource implements TripIdSourceFactory {
    private static final long serialVersionUID = 1L;

    public static final String UID = "rabbitmq-trip-ids";

    private final String amqpUri;
    private final String queue;
    private final int prefetch;
    private final String connectionName;

    public RabbitTripIdSource(JobOptions options) {
        this.amqpUri = options.get(SourceOptions.AMQP_URI);
        this.queue = options.get(SourceOptions.QUEUE);
        this.prefetch = SourceOptions.prefetch(options);
        this.connectionName = options.get(SourceOptions.AMQP_CONNECTION_NAME);
    }

    @Override
    public DataStream<String> create(StreamExecutionEnvironment env) {
        RMQConnectionConfig connection =
                new RMQConnectionConfig.Builder()
                        .setUri(amqpUri)
                        .setPrefetchCount(prefetch)
                        .setAutomaticRecovery(false)
                        .setTopologyRecoveryEnabled(false)
                        .setConnectionTimeout(10_000)
                        .setRequestedHeartbeat(10)
                        .build();
        return env.addSource(
                        new NamedConnectionRMQSource(
                                connection, queue, connectionName, new TripIdDeserializer()))
                .setParallelism(1)
                .uid(UID)
                .name("RabbitMQ trip ids (" + queue + ")");
    }

    /**
     * The connector's source, with its connection named (the {@code connection_name} client
     * property RabbitMQ shows in its management UI and {@code rabbitmqctl list_connections}).
     */
    static final class NamedConnectionRMQSource extends RMQSource<String> {
        private static final long serialVersionUID = 1L;

        private final String connectionName;

        NamedConnectionRMQSource(
                RMQConnectionConfig config,
                String queue,
                String connectionName,
                RMQDeserializationSchema<String> deserializer) {
            super(config, queue, true, deserializer);
            this.connectionName = connectionName;
        }

        @Override
        protected Connection setupConnection() throws Exception {
            return setupConnectionFactory().newConnection(connectionName);
        }
    }
}
