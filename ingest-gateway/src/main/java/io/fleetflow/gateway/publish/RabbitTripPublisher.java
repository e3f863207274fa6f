package io.fleetflow.gateway.publish;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes trip ids to RabbitMQ with publisher confirms: persistent messages to the durable queue,
 * the trip id as body, message id and correlation id (the Flink source deduplicates on the
 * correlation id). Connects lazily, so the gateway starts and accepts trips while the broker is
 * away; the relay publishes them later. Channels are pooled, one publisher thread at a time on
 * each.
 */
public final class RabbitTripPublisher implements TripPublisher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitTripPublisher.class);

    private final ConnectionFactory factory;
    private final String queue;
    private final Duration confirmTimeout;
    private final BlockingQueue<Channel> idle;
    private Connection connection;
    private boolean queueDeclared;

    public RabbitTripPublisher(
            String amqpUri, String queue, Duration confirmTimeout, int channels) {
        this.factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUri);
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid AMQP URI", e);
        }
        factory.setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, confirmTimeout.toMillis()));
        factory.setAutomaticRecoveryEnabled(false); // we reconnect on demand instead
        this.queue = queue;
        this.confirmTimeout = confirmTimeout;
        this.idle = new ArrayBlockingQueue<>(channels);
    }

    @Override
    public void publish(UUID tripId) throws PublishException {
        publishAll(List.of(tripId));
    }

    /** Publishes all ids on one channel and waits once for the broker to confirm them all. */
    @Override
    public void publishAll(List<UUID> tripIds) throws PublishException {
        publishAll(tripIds, "");
    }

    /**
     * Publishes trips to be scored again, each with the correlation id {@code prefix + tripId}: the
     * scoring source drops a correlation id it has already taken since its last checkpoint, so a
     * trip scored moments ago needs a new one (docs/safety-inbox.md).
     */
    public void publishAgain(List<UUID> tripIds, String prefix) throws PublishException {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("a re-score needs its own correlation id prefix");
        }
        publishAll(tripIds, prefix);
    }

    private void publishAll(List<UUID> tripIds, String correlationPrefix) throws PublishException {
        Channel channel = null;
        try {
            channel = acquire();
            for (UUID tripId : tripIds) {
                String id = tripId.toString();
                AMQP.BasicProperties props =
                        new AMQP.BasicProperties.Builder()
                                .deliveryMode(2)
                                .contentType("text/plain")
                                .correlationId(correlationPrefix + id)
                                .messageId(correlationPrefix + id)
                                .build();
                channel.basicPublish("", queue, props, id.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
            release(channel);
        } catch (IOException | RuntimeException | java.util.concurrent.TimeoutException e) {
            discard(channel);
            throw new PublishException("broker did not confirm " + describe(tripIds) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard(channel);
            throw new PublishException("interrupted while publishing " + describe(tripIds), e);
        }
    }

    private static String describe(List<UUID> tripIds) {
        return tripIds.size() == 1
                ? "trip " + tripIds.get(0)
                : tripIds.size() + " trips (first " + tripIds.get(0) + ")";
    }

    /** Declares the queue exactly as flink-connector-rabbitmq's RMQSource does. */
    public static void declareQueue(Channel channel, String queue) throws IOException {
        channel.queueDeclare(queue, true, false, false, null);
    }

    /** Opens a connection if there is none; answers whether the broker is reachable. */
    public boolean ping() {
        try {
            Channel c = acquire();
            release(c);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private Channel acquire() throws IOException, java.util.concurrent.TimeoutException {
        Channel channel = idle.poll();
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        Connection conn = openConnection();
        Channel created = conn.createChannel();
        created.confirmSelect();
        return created;
    }

    private synchronized Connection openConnection()
            throws IOException, java.util.concurrent.TimeoutException {
        if (connection == null || !connection.isOpen()) {
            connection = factory.newConnection("fleetflow-gateway");
            queueDeclared = false;
            LOG.info("Connected to AMQP broker {}", factory.getHost() + ":" + factory.getPort());
        }
        if (!queueDeclared) {
            try (Channel c = connection.createChannel()) {
                declareQueue(c, queue);
            }
            queueDeclared = true;
        }
        return connection;
    }

    private void release(Channel channel) {
        if (!idle.offer(channel)) {
            discard(channel);
        }
    }

    private static void discard(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (Exception e) {
            LOG.debug("Closing a broken channel failed", e);
        }
    }

    @Override
    public synchronized void close() {
        Channel c;
        while ((c = idle.poll()) != null) {
            discard(c);
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (Exception e) {
                LOG.debug("Closing the AMQP connection failed", e);
            }
        }
    }
}
