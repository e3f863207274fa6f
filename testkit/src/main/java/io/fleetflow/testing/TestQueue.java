package io.fleetflow.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.fleetflow.model.PipelineNames;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, uniquely named queue on the real RabbitMQ for each test, declared as the gateway and the
 * Flink source declare it, and deleted afterwards.
 */
public final class TestQueue implements BeforeEachCallback, AfterEachCallback {

    private String name;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        name = PipelineNames.QUEUE + "_it_" + UUID.randomUUID().toString().substring(0, 8);
        // As the gateway and the job declare it (PipelineNames): durable, shared, kept, no
        // arguments.
        withChannel(ch -> ch.queueDeclare(name, true, false, false, null));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        withChannel(ch -> ch.queueDelete(name));
    }

    public String name() {
        return name;
    }

    public long messageCount() throws Exception {
        long[] count = new long[1];
        withChannel(ch -> count[0] = ch.messageCount(name));
        return count[0];
    }

    /** Takes every message off the queue (acknowledging them) and returns their bodies. */
    public List<String> drain() throws Exception {
        List<String> bodies = new ArrayList<>();
        withChannel(
                ch -> {
                    com.rabbitmq.client.GetResponse r;
                    while ((r = ch.basicGet(name, true)) != null) {
                        bodies.add(
                                new String(r.getBody(), java.nio.charset.StandardCharsets.UTF_8)
                                        + "|"
                                        + r.getProps().getCorrelationId()
                                        + "|"
                                        + r.getProps().getDeliveryMode());
                    }
                });
        return bodies;
    }

    private static void withChannel(ChannelAction action) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(TestServices.amqpUri());
        try (Connection c = f.newConnection("fleetflow-test");
                Channel ch = c.createChannel()) {
            action.run(ch);
        }
    }

    @FunctionalInterface
    private interface ChannelAction {
        void run(Channel channel) throws Exception;
    }
}
