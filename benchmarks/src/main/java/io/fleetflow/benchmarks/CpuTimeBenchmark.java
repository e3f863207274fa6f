package io.fleetflow.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.scoring.RiskModelScorer;
import io.fleetflow.scoring.Signals;
import io.fleetflow.scoring.ThresholdRunScorer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same work as {@link DetectionBenchmark} and {@link BlobParseBenchmark}, but candidate and
 * baselines run interleaved in every invocation and each is charged the CPU time of this thread
 * only ({@link ThreadMXBean#getCurrentThreadCpuTime}). On a shared machine the wall-clock
 * benchmarks measure the load as much as the code; CPU time gives throughput per core, and
 * interleaving makes the ratios fair. Counters are nanoseconds of CPU per iteration; divide the
 * work (calls × 100,000 samples, or calls × blob bytes) by them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class CpuTimeBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final JsonFactory JSON = new JsonFactory();

    private TripSamples trip;
    private long[] timeline;
    private String blob;
    private final RiskModelScorer riskModel = new RiskModelScorer();
    private final ThresholdRunScorer seed = new ThresholdRunScorer();

    /** CPU nanoseconds spent in each part during one iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuNanos {
        public long calls;
        public long candidateNs;
        public long seedOrJacksonNs;
        public long floorNs;
        public long blobBytes;

        @Setup(Level.Iteration)
        public void reset() {
            calls = 0;
            candidateNs = 0;
            seedOrJacksonNs = 0;
            floorNs = 0;
        }
    }

    @Setup
    public void setUp() {
        trip = SyntheticTrips.trip(DetectionBenchmark.SAMPLES, 42);
        timeline = Signals.timeline(trip);
        blob = TripBlobCodec.encode(trip);
    }

    /** Candidate: the detection pass; baselines: the seed rule and a three-array sum. */
    @Benchmark
    public void detection(CpuNanos cpu, Blackhole bh) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        bh.consume(riskModel.detectEvents(trip, timeline));
        long t1 = THREADS.getCurrentThreadCpuTime();
        bh.consume(seed.score(trip));
        long t2 = THREADS.getCurrentThreadCpuTime();
        bh.consume(arraySum(trip));
        long t3 = THREADS.getCurrentThreadCpuTime();
        cpu.calls++;
        cpu.candidateNs += t1 - t0;
        cpu.seedOrJacksonNs += t2 - t1;
        cpu.floorNs += t3 - t2;
    }

    /** Candidate: {@code TripBlobCodec.decode}; baselines: the Jackson reader and tokenizing. */
    @Benchmark
    public void blobParse(CpuNanos cpu, Blackhole bh) throws IOException {
        long t0 = THREADS.getCurrentThreadCpuTime();
        bh.consume(TripBlobCodec.decode(blob));
        long t1 = THREADS.getCurrentThreadCpuTime();
        bh.consume(TripBlobCodec.decodeWithJackson(blob));
        long t2 = THREADS.getCurrentThreadCpuTime();
        bh.consume(tokenize(blob));
        long t3 = THREADS.getCurrentThreadCpuTime();
        cpu.calls++;
        cpu.blobBytes = blob.getBytes(StandardCharsets.UTF_8).length;
        cpu.candidateNs += t1 - t0;
        cpu.seedOrJacksonNs += t2 - t1;
        cpu.floorNs += t3 - t2;
    }

    private static double arraySum(TripSamples trip) {
        double[] a = trip.speedKmh();
        double[] b = trip.gForceLong();
        double[] c = trip.gForceLat();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] + b[i] + c[i];
        }
        return sum;
    }

    private static long tokenize(String blob) throws IOException {
        long tokens = 0;
        try (JsonParser p = JSON.createParser(blob)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }
}
