package io.fleetflow.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.connectors.rabbitmq.RMQDeserializationSchema.RMQCollector;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TripIdDeserializerTest {

    private static final String TRIP = "6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";

    private final Map<String, Counter> metrics = new HashMap<>();
    private final RecordingCollector collector = new RecordingCollector();
    private final TripIdDeserializer deserializer = new TripIdDeserializer();
    private long deliveryTag;

    @BeforeEach
    void open() {
        deserializer.open(new Context());
    }

    @Test
    void emitsTheTripIdAndRegistersItsCorrelationIdForTheCheckpointAck() {
        deliver(TRIP, TRIP);

        assertThat(collector.emitted).containsExactly(TRIP);
        assertThat(collector.registered).containsExactly(TRIP + "#1");
        assertThat(poison()).isZero();
    }

    @Test
    void poisonMessagesAreRegisteredSoTheyAreAckedButNeverEmittedAndAreCounted() {
        deliver("not a trip id", "c-1");
        deliver("", "c-2");
        deliver("x".repeat(10_000), "c-3");

        assertThat(collector.emitted).isEmpty();
        assertThat(collector.registered).containsExactly("c-1#1", "c-2#2", "c-3#3");
        assertThat(poison()).isEqualTo(3);
    }

    @Test
    void aMessageWithoutCorrelationIdFallsBackToItsBodyOrDeliveryTag() {
        deliver(TRIP, null);
        deliver("garbage", null);

        assertThat(collector.emitted).containsExactly(TRIP);
        assertThat(collector.registered).containsExactly(TRIP + "#1", "delivery-2#2");
        assertThat(poison()).isEqualTo(1);
    }

    @Test
    void aDuplicateCorrelationIdTheConnectorRejectsIsNeitherEmittedNorCounted() {
        deliver(TRIP, TRIP);
        deliver(TRIP, TRIP);

        assertThat(collector.emitted).containsExactly(TRIP);
        assertThat(poison()).isZero();
    }

    private void deliver(String body, String correlationId) {
        deliveryTag++;
        deserializer.deserialize(
                new Envelope(deliveryTag, false, "", "q"),
                new AMQP.BasicProperties.Builder().correlationId(correlationId).build(),
                body.getBytes(StandardCharsets.UTF_8),
                collector);
    }

    private long poison() {
        return metrics.get(TripIdDeserializer.POISON_MESSAGES).getCount();
    }

    /** Behaves like the connector's collector: rejects a correlation id it has already seen. */
    private static final class RecordingCollector implements RMQCollector<String> {
        final List<String> emitted = new ArrayList<>();
        final List<String> registered = new ArrayList<>();
        final Set<String> seen = new HashSet<>();

        @Override
        public boolean setMessageIdentifiers(String correlationId, long deliveryTag) {
            if (!seen.add(correlationId)) {
                return false;
            }
            registered.add(correlationId + "#" + deliveryTag);
            return true;
        }

        @Override
        public void collect(String record) {
            emitted.add(record);
        }

        @Override
        public void close() {}
    }

    private final class Context implements DeserializationSchema.InitializationContext {
        @Override
        public MetricGroup getMetricGroup() {
            return new UnregisteredMetricsGroup() {
                @Override
                public Counter counter(String name) {
                    return metrics.computeIfAbsent(name, n -> new SimpleCounter());
                }
            };
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
        }
    }
}
