package io.fleetflow.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;

/**
 * Publishes trip ids as the gateway does: the id as body, message id and correlation id (the job's
 * source deduplicates on it), persistent, and confirmed by the broker before this returns.
 */
public final class TripIdPublisher {

    private TripIdPublisher() {}

    public static void publish(String amqpUri, String queue, Collection<UUID> tripIds)
            throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri);
        try (Connection connection = factory.newConnection("fleetflow-test-publisher");
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (UUID tripId : tripIds) {
                String id = tripId.toString();
                AMQP.BasicProperties props =
                        new AMQP.BasicProperties.Builder()
                                .deliveryMode(2)
                                .contentType("text/plain")
                                .correlationId(id)
                                .messageId(id)
                                .build();
                channel.basicPublish("", queue, props, id.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(60_000);
        }
    }
}
