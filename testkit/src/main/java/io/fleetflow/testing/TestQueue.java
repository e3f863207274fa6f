package io.fleetflow.testing;

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
        TestChannels.withChannel(ch -> TestChannels.declareQueue(ch, name));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestChannels.withChannel(ch -> ch.queueDelete(name));
    }

    public String name() {
        return name;
    }

    public long messageCount() throws Exception {
        long[] count = new long[1];
        TestChannels.withChannel(ch -> count[0] = ch.messageCount(name));
        return count[0];
    }

    /** Takes every message off the queue (acknowledging them) and returns their bodies. */
    public List<String> drain() throws Exception {
        List<String> bodies = new ArrayList<>();
        TestChannels.withChannel(
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
}
