package io.fleetflow.job.sink;

import io.fleetflow.job.failure.TripFailure;
import io.fleetflow.job.score.ScoredTrip;
import io.fleetflow.job.stats.DriverStats;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the job's results go; the real ones write PostgreSQL, tests may collect instead. Every sink
 * must be idempotent: after a restore the job replays what followed its last checkpoint.
 */
public interface ResultSinks extends Serializable {

    void sinkScores(DataStream<ScoredTrip> scores);

    void sinkFailures(DataStream<TripFailure> failures);

    void sinkDriverStats(DataStream<DriverStats> stats);
}
