package io.fleetflow.job.bench;

import io.fleetflow.job.TripScoringJob;
import io.fleetflow.job.failure.TripFailure;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.RuntimeOptions;
import io.fleetflow.job.score.ScoredTrip;
import io.fleetflow.job.sink.ResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.job.stats.DriverStats;
import io.fleetflow.scoring.Scorers;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;

/**
 * Parts of the job run alone on the same machine, to see where the job's time goes: the RabbitMQ
 * source by itself (its ids counted and dropped), and the whole job with counting sinks instead of
 * the PostgreSQL writes (the lookup still claims each trip). Each gives trips/s from the first id
 * that reaches the counting sink to the last. The counters are static: the MiniCluster runs in this
 * JVM.
 */
final class StageFloors {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicLong FAILURES = new AtomicLong();
    private static final AtomicLong FIRST_NANOS = new AtomicLong();
    private static final AtomicLong LAST_NANOS = new AtomicLong();

    private StageFloors() {}

    /** Trips/s of the exactly-once RabbitMQ source alone, checkpointing as the job does. */
    static double sourceOnly(JobOptions options, int trips) throws Exception {
        StreamExecutionEnvironment env = BenchCluster.environment(1);
        env.enableCheckpointing(
                options.get(RuntimeOptions.CHECKPOINT_INTERVAL).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);
        env.setBufferTimeout(options.get(RuntimeOptions.BUFFER_TIMEOUT).toMillis());
        new RabbitTripIdSource(options)
                .create(env)
                .addSink(new CountingSink<>())
                .setParallelism(1)
                .name("Count");
        return timed(env, trips);
    }

    /**
     * Trips/s of the job's graph (source, claim and lookup, scoring, statistics), writing nothing.
     */
    static double withoutWrites(JobOptions options, int trips) throws Exception {
        StreamExecutionEnvironment env =
                BenchCluster.environment(options.get(RuntimeOptions.PARALLELISM));
        new TripScoringJob(
                        new RabbitTripIdSource(options),
                        new CountingSinks(),
                        Scorers.defaultScorer(),
                        options)
                .build(env);
        return timed(env, trips);
    }

    private static double timed(StreamExecutionEnvironment env, int trips) throws Exception {
        COUNT.set(0);
        FAILURES.set(0);
        FIRST_NANOS.set(Long.MAX_VALUE);
        LAST_NANOS.set(Long.MIN_VALUE);
        JobClient client = env.executeAsync("stage floor");
        try {
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (COUNT.get() + FAILURES.get() < trips) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "timed out: " + COUNT.get() + " of " + trips + " counted");
                }
                Thread.sleep(1);
            }
            if (FAILURES.get() > 0) {
                throw new IllegalStateException(FAILURES.get() + " trips failed");
            }
            return trips / ((LAST_NANOS.get() - FIRST_NANOS.get()) / 1e9);
        } finally {
            client.cancel().get();
        }
    }

    private static final class CountingSink<T> implements SinkFunction<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(T value, Context context) {
            // the times first: whoever sees the last count sees them too
            long now = System.nanoTime();
            FIRST_NANOS.accumulateAndGet(now, Math::min);
            LAST_NANOS.accumulateAndGet(now, Math::max);
            COUNT.incrementAndGet();
        }
    }

    private static final class FailureSink implements SinkFunction<TripFailure> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(TripFailure value, Context context) {
            FAILURES.incrementAndGet();
        }
    }

    private static final class DroppingSink implements SinkFunction<DriverStats> {
        private static final long serialVersionUID = 1L;
    }

    /** Scores counted, failures counted apart (a run with any is refused), statistics dropped. */
    private static final class CountingSinks implements ResultSinks {
        private static final long serialVersionUID = 1L;

        @Override
        public void sinkScores(DataStream<ScoredTrip> scores) {
            scores.addSink(new CountingSink<>()).name("Count scores");
        }

        @Override
        public void sinkFailures(DataStream<TripFailure> failures) {
            failures.addSink(new FailureSink()).name("Count failures");
        }

        @Override
        public void sinkDriverStats(DataStream<DriverStats> stats) {
            stats.addSink(new DroppingSink()).name("Drop statistics");
        }
    }
}
