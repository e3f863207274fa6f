package io.fleetflow.job.rescore;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Publishes trip ids to the scoring queue as the gateway does (the id as body, persistent), with
 * publisher confirms: an unconfirmed batch, a checkpoint or the end of input waits for the broker's
 * confirms and fails the task on a nack or a timeout, so every id is published at least once. A
 * duplicate is harmless: the streaming job replaces a trip's score and statistics contribution with
 * the latest one.
 *
 * <p>The correlation id is {@code rescore:<run>:<trip id>}, not the trip id the gateway uses: the
 * source drops a message whose correlation id equals one it has taken since its last checkpoint (a
 * redelivery), so a re-score of a trip scored moments before would otherwise be lost. Per run, a
 * redelivered re-score message is still recognised. The queue must exist (declared passively: the
 * gateway and the job own its arguments).
 */
final class TripIdQueueSink implements Sink<String> {
    private static final long serialVersionUID = 1L;

    /** Ids published between two waits for confirms. */
    static final int CONFIRM_EVERY = 500;

    private static final long CONFIRM_TIMEOUT_MS = 60_000;

    private final String amqpUri;
    private final String queue;
    private final String run;

    TripIdQueueSink(String amqpUri, String queue, String run) {
        this.amqpUri = amqpUri;
        this.queue = queue;
        this.run = run;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
        return new Writer(amqpUri, queue, "rescore:" + run + ":");
    }

    @Override
    @Deprecated
    public SinkWriter<String> createWriter(InitContext context) throws IOException {
        return new Writer(amqpUri, queue, "rescore:" + run + ":");
    }

    static final class Writer implements SinkWriter<String> {
        private final String queue;
        private final String correlationPrefix;
        private final Connection connection;
        private final Channel channel;
        private int unconfirmed;

        Writer(String amqpUri, String queue, String correlationPrefix) throws IOException {
            this.queue = queue;
            this.correlationPrefix = correlationPrefix;
            try {
                ConnectionFactory factory = new ConnectionFactory();
                factory.setUri(amqpUri);
                factory.setAutomaticRecoveryEnabled(false);
                connection = factory.newConnection("fleetflow-rescore");
                channel = connection.createChannel();
                channel.queueDeclarePassive(queue);
                channel.confirmSelect();
            } catch (TimeoutException
                    | java.net.URISyntaxException
                    | java.security.GeneralSecurityException e) {
                throw new IOException("cannot connect to RabbitMQ to publish trip ids", e);
            }
        }

        @Override
        public void write(String tripId, Context context) throws IOException {
            AMQP.BasicProperties props =
                    new AMQP.BasicProperties.Builder()
                            .deliveryMode(2)
                            .messageId(tripId)
                            .correlationId(correlationPrefix + tripId)
                            .contentType("text/plain")
                            .build();
            channel.basicPublish("", queue, props, tripId.getBytes(StandardCharsets.UTF_8));
            if (++unconfirmed >= CONFIRM_EVERY) {
                awaitConfirms();
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            awaitConfirms();
        }

        private void awaitConfirms() throws IOException {
            if (unconfirmed == 0) {
                return;
            }
            try {
                channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for publish confirms", e);
            } catch (TimeoutException e) {
                throw new IOException("the broker did not confirm trip ids in time", e);
            }
            unconfirmed = 0;
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }
}
