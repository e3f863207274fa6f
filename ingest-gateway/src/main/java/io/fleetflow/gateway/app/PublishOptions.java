package io.fleetflow.gateway.app;

import io.fleetflow.model.PipelineNames;
import java.time.Duration;
import java.util.List;

/** The broker trip ids are published to, and the relay that publishes what the request missed. */
final class PublishOptions {

    static final GatewayOption<String> AMQP_URI =
            GatewayOption.text(
                    "FLEETFLOW_AMQP_URI",
                    "amqp://guest:guest@127.0.0.1:5672/%2F",
                    "AMQP 0-9-1 URI of the broker.");

    static final GatewayOption<String> QUEUE =
            GatewayOption.text(
                    "FLEETFLOW_QUEUE",
                    PipelineNames.QUEUE,
                    "Durable queue of trip ids the scoring job consumes (a queue name).");

    static final GatewayOption<Duration> CONFIRM_TIMEOUT =
            GatewayOption.millis(
                    "FLEETFLOW_PUBLISH_CONFIRM_TIMEOUT_MS",
                    Duration.ofSeconds(5),
                    "How long to wait for the broker's confirm of one publish, in ms.");

    static final GatewayOption<Duration> RELAY_INTERVAL =
            GatewayOption.millis(
                    "FLEETFLOW_RELAY_INTERVAL_MS",
                    Duration.ofSeconds(5),
                    "How often the relay looks for trips whose id never reached the broker, in"
                            + " ms.");

    static final GatewayOption<Duration> RELAY_MIN_AGE =
            GatewayOption.millis(
                    "FLEETFLOW_RELAY_MIN_AGE_MS",
                    Duration.ofSeconds(10),
                    "Age an unpublished trip must reach before the relay publishes it, in ms.");

    static final GatewayOption<Duration> RELAY_STALE_AGE =
            GatewayOption.millis(
                    "FLEETFLOW_RELAY_STALE_AGE_MS",
                    Duration.ofMinutes(10),
                    "Age after which a published but still PENDING trip is published again, in"
                            + " ms.");

    static final List<GatewayOption<?>> ALL =
            List.of(
                    AMQP_URI,
                    QUEUE,
                    CONFIRM_TIMEOUT,
                    RELAY_INTERVAL,
                    RELAY_MIN_AGE,
                    RELAY_STALE_AGE);

    private PublishOptions() {}
}
