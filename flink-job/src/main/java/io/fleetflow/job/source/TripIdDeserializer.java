package io.fleetflow.job.source;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.connectors.rabbitmq.RMQDeserializationSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a delivery into the trip id it carries, in canonical UUID form. It never throws, so no
 * message can send the job into a restart loop:
 *
 * <ul>
 *   <li>Deduplication uses the correlation id, which the gateway sets to the trip id; a message
 *       without one falls back to its body (or its delivery tag), since the connector would
 *       otherwise fail on a null id.
 *   <li>A poison message (empty, too long, not a UUID) is registered with the source, so it is
 *       acknowledged with the next completed checkpoint, but not emitted; it is counted in the
 *       {@value #POISON_MESSAGES} metric and logged.
 * </ul>
 */
public class TripIdDeserializer implements RMQDeserializationSchema<String> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TripIdDeserializer.class);

    /** Messages acknowledged away because they carry no trip id. */
    public static final String POISON_MESSAGES = "poisonMessages";

    private transient Counter poisonMessages;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        poisonMessages = context.getMetricGroup().counter(POISON_MESSAGES);
    }

    @Override
    public void deserialize(
            Envelope envelope,
            AMQP.BasicProperties properties,
            byte[] body,
            RMQCollector<String> collector) {
        TripIdMessage.Parsed parsed = TripIdMessage.parse(body);
        String correlationId = properties == null ? null : properties.getCorrelationId();
        if (correlationId == null || correlationId.isEmpty()) {
            correlationId =
                    parsed.isTripId()
                            ? parsed.tripId().toString()
                            : "delivery-" + envelope.getDeliveryTag();
        }
        if (!collector.setMessageIdentifiers(correlationId, envelope.getDeliveryTag())) {
            return; // a duplicate of a message not yet acknowledged; the connector rejected it
        }
        if (parsed.isTripId()) {
            collector.collect(parsed.tripId().toString());
            return;
        }
        if (poisonMessages != null) {
            poisonMessages.inc();
        }
        LOG.warn(
                "Acknowledging away message {} (correlation id {}): {}",
                envelope.getDeliveryTag(),
                correlationId,
                parsed.problem().description());
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
