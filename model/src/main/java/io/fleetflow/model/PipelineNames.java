package io.fleetflow.model;

/**
 * The names the gateway, the Flink job, the launcher and the tests must agree on, written once. The
 * queue is declared durable, non-exclusive, not auto-deleted and without arguments by both the
 * gateway and the job's RabbitMQ source (RabbitMQ refuses a second declaration that differs).
 */
public final class PipelineNames {

    /** The durable AMQP queue of trip ids, published by the gateway and read by the job. */
    public static final String QUEUE = "telemetry_analysis";

    /** The scoring job's name in Flink; the read API finds the job's state by it. */
    public static final String SCORING_JOB_NAME = "FleetFlow trip scoring";

    private PipelineNames() {}
}
