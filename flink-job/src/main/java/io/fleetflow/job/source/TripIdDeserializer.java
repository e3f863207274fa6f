package io.fleetflow.job.source;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.connectors.rabbitmq.RMQDeserializationSchema;

/**
 * Turns a delivery into the trip id it carries (the body). Deduplication uses the correlation id,
 * which the gateway sets to the trip id; a message without one (published by something else) falls
 * back to its body, so it never crashes the source — the lookup then fails it cleanly.
 */
public class TripIdDeserializer implements RMQDeserializationSchema<String> {
    private static final long serialVersionUID = 1L;

    /** Longest body kept; trip ids are 36 characters, anything longer is a poison message. */
    static final int MAX_BODY_CHARS = 256;

    @Override
    public void deserialize(
            Envelope envelope,
            AMQP.BasicProperties properties,
            byte[] body,
            RMQCollector<String> collector) {
        String text =
                new String(body, 0, Math.min(body.length, MAX_BODY_CHARS), StandardCharsets.UTF_8)
                        .trim();
        String correlationId = properties.getCorrelationId();
        if (correlationId == null || correlationId.isEmpty()) {
            correlationId = text.isEmpty() ? "delivery-" + envelope.getDeliveryTag() : text;
        }
        if (collector.setMessageIdentifiers(correlationId, envelope.getDeliveryTag())) {
            collector.collect(text);
        }
    }

    @Override
    public boolean isEndOfStream(String nextElement) {
        return false;
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}
