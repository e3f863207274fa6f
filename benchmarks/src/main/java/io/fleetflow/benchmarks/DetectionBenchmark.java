package io.fleetflow.benchmarks;

import io.fleetflow.model.TripSamples;
import io.fleetflow.scoring.DrivingEvent;
import io.fleetflow.scoring.RiskModelScorer;
import io.fleetflow.scoring.Signals;
import io.fleetflow.scoring.ThresholdRunScorer;
import io.fleetflow.scoring.TripScore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Event detection over a 100,000-sample trip already in arrays (parsing excluded). Every method
 * counts one operation per sample, so the scores read as samples per second on one thread. The
 * plain array sum over the same three channels is the memory-bound floor measured in the same run;
 * the seed's {@link ThresholdRunScorer} is the model this one replaces.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class DetectionBenchmark {
    static final int SAMPLES = 100_000;

    private TripSamples trip;
    private long[] timeline;
    private final RiskModelScorer riskModel = new RiskModelScorer();
    private final ThresholdRunScorer seed = new ThresholdRunScorer();

    @Setup
    public void setUp() {
        trip = SyntheticTrips.trip(SAMPLES, 42);
        timeline = Signals.timeline(trip);
    }

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
        double[] a = trip.speedKmh();
        double[] b = trip.gForceLong();
        double[] c = trip.gForceLat();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] + b[i] + c[i];
        }
        return sum;
    }
}
