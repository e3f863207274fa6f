package io.fleetflow.benchmarks;

import io.fleetflow.scoring.DrivingEvent;
import io.fleetflow.scoring.RiskModelScorer;
import io.fleetflow.scoring.ThresholdRunScorer;
import io.fleetflow.scoring.TripScore;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Event detection over a 100,000-sample trip already in arrays (parsing excluded). Every method
 * counts one operation per sample, so the scores read as samples per second on one thread. The
 * plain array sum over the same three channels is the memory-bound floor measured in the same run;
 * the seed's {@link ThresholdRunScorer} is the model this one replaces.
 */
public class DetectionBenchmark extends TripBenchmark {
    private final RiskModelScorer riskModel = new RiskModelScorer();
    private final ThresholdRunScorer seed = new ThresholdRunScorer();

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public List<DrivingEvent> riskModelDetection() {
        return riskModel.detectEvents(trip, timeline);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public TripScore riskModelFullScore() {
        return riskModel.score(trip);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public TripScore seedThresholdRunScorer() {
        return seed.score(trip);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double baselineArraySum() {
        return arraySum(trip);
    }
}
