package io.fleetflow.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;

/** Short-lived channels on the test broker, and the queue declared as the pipeline declares it. */
public final class TestChannels {

    private TestChannels() {}

    /** Work to do on a channel. */
    @FunctionalInterface
    public interface ChannelAction {
        void run(Channel channel) throws Exception;
    }

    /** Runs {@code action} on a fresh channel of a fresh connection, both closed afterwards. */
    public static void withChannel(ChannelAction action) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(TestServices.amqpUri());
        try (Connection c = factory.newConnection("fleetflow-test");
                Channel ch = c.createChannel()) {
            action.run(ch);
        }
    }

    /**
     * Declares {@code queue} as the gateway and the job declare the pipeline's queue
     * (PipelineNames): durable, shared, kept, no arguments.
     */
    public static void declareQueue(Channel channel, String queue) throws IOException {
        channel.queueDeclare(queue, true, false, false, null);
    }
}
