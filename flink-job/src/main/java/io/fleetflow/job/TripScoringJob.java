package io.fleetflow.job;

import io.fleetflow.job.lookup.LookedUpTrip;
import io.fleetflow.job.lookup.TripBlobLookup;
import io.fleetflow.job.options.DatabaseOptions;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.LookupOptions;
import io.fleetflow.job.options.RuntimeOptions;
import io.fleetflow.job.score.ScoreTripFunction;
import io.fleetflow.job.score.ScoredTrip;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.sink.ResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.job.source.TripIdSourceFactory;
import io.fleetflow.job.stats.DriverStats;
import io.fleetflow.job.stats.DriverStatsFunction;
import io.fleetflow.model.PipelineNames;
import io.fleetflow.scoring.ClassScorers;
import io.fleetflow.scoring.TripScorer;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The scoring job: trip ids → blob lookup (async) → scoring → scores, failures and per-driver
 * rolling statistics. It takes its source and sinks, so tests run the very same graph with other
 * ends; {@link #main} wires RabbitMQ and PostgreSQL.
 *
 * <p>Guarantees: exactly-once checkpoints, acknowledgements to the broker only on completed
 * checkpoints, idempotent sinks, and an exponential-delay restart strategy, so a failure anywhere
 * (broker connection, database, task manager) ends in a restart from the last checkpoint with every
 * trip scored once.
 */
public final class TripScoringJob {

    public static final String JOB_NAME = PipelineNames.SCORING_JOB_NAME;

    /** Operator uids: stable across versions, so state can be restored from a savepoint. */
    public static final String LOOKUP_UID = "trip-blob-lookup";

    public static final String SCORE_UID = "score-trip";
    public static final String DRIVER_STATS_UID = "driver-stats";

    private final TripIdSourceFactory source;
    private final ResultSinks sinks;
    private final ClassScorers scorers;
    private final JobOptions options;

    /** Scores each trip with its vehicle's class's scorer (docs/scoring.md, "Vehicle classes"). */
    public TripScoringJob(
            TripIdSourceFactory source,
            ResultSinks sinks,
            ClassScorers scorers,
            JobOptions options) {
        this.source = source;
        this.sinks = sinks;
        this.scorers = scorers;
        this.options = options;
    }

    /** Scores every trip with {@code scorer}, whatever the vehicle (tests, benchmarks). */
    public TripScoringJob(
            TripIdSourceFactory source, ResultSinks sinks, TripScorer scorer, JobOptions options) {
        this(source, sinks, ClassScorers.same(scorer), options);
    }

    public static void main(String[] args) throws Exception {
        JobOptions options = JobOptions.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new TripScoringJob(
                        new RabbitTripIdSource(options),
                        new JdbcResultSinks(options),
                        ClassScorers.riskModel(),
                        options)
                .build(env);
        env.execute(JOB_NAME);
    }

    /** Builds the graph on {@code env} (checkpointing and restarts included) without running it. */
    public void build(StreamExecutionEnvironment env) {
        env.enableCheckpointing(
                options.get(RuntimeOptions.CHECKPOINT_INTERVAL).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);
        env.setParallelism(options.get(RuntimeOptions.PARALLELISM));
        env.setBufferTimeout(options.get(RuntimeOptions.BUFFER_TIMEOUT).toMillis());
        env.configure(restartStrategy());

        DataStream<String> tripIds = source.create(env);

        DataStream<LookedUpTrip> lookedUp =
                AsyncDataStream.unorderedWait(
                                tripIds,
                                new TripBlobLookup(
                                        options.get(DatabaseOptions.JDBC_URL),
                                        options.get(DatabaseOptions.JDBC_USER),
                                        options.get(DatabaseOptions.JDBC_PASSWORD),
                                        options.get(LookupOptions.POOL_SIZE),
                                        options.get(LookupOptions.BATCH_SIZE),
                                        options.get(LookupOptions.ATTEMPTS),
                                        options.get(LookupOptions.BACKOFF)),
                                options.get(LookupOptions.ASYNC_TIMEOUT).toMillis(),
                                TimeUnit.MILLISECONDS,
                                options.get(LookupOptions.ASYNC_CAPACITY))
                        .uid(LOOKUP_UID)
                        .name("Look up trip blob");

        SingleOutputStreamOperator<ScoredTrip> scored =
                lookedUp.process(new ScoreTripFunction(scorers)).uid(SCORE_UID).name("Score trip");

        DataStream<DriverStats> stats =
                scored.keyBy(trip -> trip.driverId, Types.STRING)
                        .process(
                                new DriverStatsFunction(
                                        options.get(RuntimeOptions.STATS_WINDOW_DAYS)))
                        .uid(DRIVER_STATS_UID)
                        .name("Rolling driver statistics");

        sinks.sinkScores(scored);
        sinks.sinkFailures(scored.getSideOutput(ScoreTripFunction.FAILURES));
        sinks.sinkDriverStats(stats);
    }

    /** Builds and submits the graph, returning at once; for tests and the local launcher. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync(JOB_NAME);
    }

    private Configuration restartStrategy() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                options.get(RuntimeOptions.RESTART_INITIAL_BACKOFF));
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
                options.get(RuntimeOptions.RESTART_MAX_BACKOFF));
        return conf;
    }
}
