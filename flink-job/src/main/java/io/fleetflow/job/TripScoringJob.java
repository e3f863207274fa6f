package io.fleetflow.job;

import io.fleetflow.job.lookup.LookedUpTrip;
import io.fleetflow.job.lookup.TripBlobLookup;
import io.fleetflow.job.scoring.ScoreTripFunction;
import io.fleetflow.job.scoring.ScoredTrip;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.sink.ResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.job.source.TripIdSourceFactory;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.scoring.TripScorer;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The scoring job: trip ids → blob lookup (async) → scoring → results. It takes its source and
 * sinks, so tests run the very same graph with other ends; {@link #main} wires RabbitMQ and
 * PostgreSQL.
 */
public final class TripScoringJob {

    public static final String JOB_NAME = "FleetFlow trip scoring";

    private final TripIdSourceFactory source;
    private final ResultSinks sinks;
    private final TripScorer scorer;
    private final JobOptions options;

    public TripScoringJob(
            TripIdSourceFactory source, ResultSinks sinks, TripScorer scorer, JobOptions options) {
        this.source = source;
        this.sinks = sinks;
        this.scorer = scorer;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        JobOptions options = JobOptions.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new TripScoringJob(
                        new RabbitTripIdSource(options),
                        new JdbcResultSinks(options),
                        Scorers.defaultScorer(),
                        options)
                .build(env);
        env.execute(JOB_NAME);
    }

    /** Builds the graph on {@code env} (checkpointing included) without running it. */
    public void build(StreamExecutionEnvironment env) {
        env.enableCheckpointing(
                options.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        env.setParallelism(options.parallelism());

        DataStream<String> tripIds = source.create(env);

        DataStream<LookedUpTrip> lookedUp =
                AsyncDataStream.unorderedWait(
                                tripIds,
                                new TripBlobLookup(
                                        options.jdbcUrl(),
                                        options.jdbcUser(),
                                        options.jdbcPassword(),
                                        options.lookupPoolSize(),
                                        options.lookupAttempts()),
                                options.asyncTimeout().toMillis(),
                                TimeUnit.MILLISECONDS,
                                options.asyncCapacity())
                        .uid("trip-blob-lookup")
                        .name("Look up trip blob");

        SingleOutputStreamOperator<ScoredTrip> scored =
                lookedUp.process(new ScoreTripFunction(scorer))
                        .uid("score-trip")
                        .name("Score trip");

        sinks.sinkScores(scored);
        sinks.sinkFailures(scored.getSideOutput(ScoreTripFunction.FAILURES));
    }

    /** Builds and submits the graph, returning at once; for tests and the local launcher. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync(JOB_NAME);
    }
}
