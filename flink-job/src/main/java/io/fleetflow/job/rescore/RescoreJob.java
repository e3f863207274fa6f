package io.fleetflow.job.rescore;

import io.fleetflow.job.options.DatabaseOptions;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.RescoreOptions;
import io.fleetflow.job.options.RuntimeOptions;
import io.fleetflow.job.options.SourceOptions;
import io.fleetflow.model.PipelineNames;
import java.util.UUID;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Re-scores history: a bounded job that selects finished trips from PostgreSQL (a range of days,
 * optionally some drivers or vehicles) and hands their ids to the running scoring job through its
 * queue, so they are re-scored by the very same operators, with the current configuration, into the
 * same idempotent sinks.
 *
 * <p>Why through the streaming job rather than a second copy of its graph: a driver's statistics
 * are kept in the scoring job's keyed state ({@code DriverStatsFunction}), which replaces a trip's
 * contribution by trip id. A second job would hold a second, partial copy of that state: it would
 * write statistics without the driver's other trips, and the streaming job, still holding the old
 * revision, would overwrite them on the driver's next trip — either way {@code driver_stats} would
 * stop being the sum over the trips' current scores. One keyed state, one writer, keeps that
 * invariant, across failover too (the scoring job's exactly-once checkpoints). The trips stay
 * {@code COMPLETED} throughout: the lookup's claim returns a finished trip without changing it.
 */
public final class RescoreJob {

    public static final String JOB_NAME = PipelineNames.SCORING_JOB_NAME + " - rescore";

    /** Hours of trip time per unit of selection work. */
    static final int SLICE_HOURS = 6;

    private final RescoreSelection selection;
    private final JobOptions options;

    public RescoreJob(RescoreSelection selection, JobOptions options) {
        this.selection = selection;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        JobOptions options = JobOptions.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new RescoreJob(RescoreSelection.of(options), options).build(env);
        env.execute(JOB_NAME);
    }

    /** Builds the bounded graph on {@code env} without running it. */
    public void build(StreamExecutionEnvironment env) {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(options.get(RuntimeOptions.PARALLELISM));
        env.fromData(Types.LONG, selection.sliceStarts(SLICE_HOURS).toArray(Long[]::new))
                .name("Slices of " + selection.fromMs + ".." + selection.toMs)
                .rebalance()
                .flatMap(
                        new SelectedTripIds(
                                options.get(DatabaseOptions.JDBC_URL),
                                options.get(DatabaseOptions.JDBC_USER),
                                options.get(DatabaseOptions.JDBC_PASSWORD),
                                selection,
                                SLICE_HOURS,
                                options.get(RescoreOptions.PAGE_SIZE)))
                .returns(Types.STRING)
                .name("Select finished trips")
                .sinkTo(
                        new TripIdQueueSink(
                                options.get(SourceOptions.AMQP_URI),
                                options.get(SourceOptions.QUEUE),
                                UUID.randomUUID().toString()))
                .name("Publish to " + options.get(SourceOptions.QUEUE));
    }

    /** Builds and submits the graph, returning at once; for tests and the local command line. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync(JOB_NAME);
    }
}
