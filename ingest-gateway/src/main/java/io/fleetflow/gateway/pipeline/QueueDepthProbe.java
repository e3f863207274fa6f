package io.fleetflow.gateway.pipeline;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads how many messages wait in the trip queue, over one lazily opened connection of its own so
 * that a slow or absent broker never holds the publisher's channels.
 */
public final class QueueDepthProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepthProbe.class);

    private final ConnectionFactory factory = new ConnectionFactory();
    private final String queue;
    private Connection connection;

    public QueueDepthProbe(String amqpUri, String queue) {
        try {
            factory.setUri(amqpUri);
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid AMQP URI", e);
        }
        factory.setConnectionTimeout(2_000);
        factory.setAutomaticRecoveryEnabled(false);
        this.queue = queue;
    }

    /** Messages ready in the queue, or {@code null} when the broker cannot tell us. */
    public synchronized Long depth() {
        try {
            if (connection == null || !connection.isOpen()) {
                connection = factory.newConnection("fleetflow-gateway-read");
            }
            try (Channel channel = connection.createChannel()) {
                return channel.messageCount(queue);
            }
        } catch (Exception e) {
            LOG.debug("Queue depth of {} unavailable: {}", queue, e.toString());
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (Exception e) {
                LOG.debug("Closing the probe's AMQP connection failed", e);
            }
        }
    }
}
