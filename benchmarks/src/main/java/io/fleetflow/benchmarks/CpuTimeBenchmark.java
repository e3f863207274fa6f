package io.fleetflow.benchmarks;

import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.scoring.RiskModelScorer;
import io.fleetflow.scoring.ThresholdRunScorer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same work as {@link DetectionBenchmark} and {@link BlobParseBenchmark}, but candidate and
 * baselines run interleaved in every invocation and each is charged the CPU time of this thread
 * only ({@link ThreadMXBean#getCurrentThreadCpuTime}). On a shared machine the wall-clock
 * benchmarks measure the load as much as the code; CPU time gives throughput per core, and
 * interleaving makes the ratios fair. Counters are nanoseconds of CPU per iteration; divide the
 * work (calls × 100,000 samples, or calls × blob bytes) by them.
 */
public class CpuTimeBenchmark extends TripBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
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

    /** Candidate: the detection pass; baselines: the seed rule and a three-array sum. */
    @Benchmark
    public void detection(CpuNanos cpu, Blackhole bh) throws IOException {
        charge(
                cpu,
                bh,
                () -> riskModel.detectEvents(trip, timeline),
                () -> seed.score(trip),
                () -> arraySum(trip));
    }

    /** Candidate: {@code TripBlobCodec.decode}; baselines: the Jackson reader and tokenizing. */
    @Benchmark
    public void blobParse(CpuNanos cpu, Blackhole bh) throws IOException {
        cpu.blobBytes = blob.getBytes(StandardCharsets.UTF_8).length;
        charge(
                cpu,
                bh,
                () -> TripBlobCodec.decode(blob),
                () -> TripBlobCodec.decodeWithJackson(blob),
                () -> tokenize(blob));
    }

    /** One part of an invocation, its result consumed. */
    private interface Part {
        Object run() throws IOException;
    }

    /** Runs the three parts one after the other, charging each its thread CPU time. */
    private static void charge(
            CpuNanos cpu, Blackhole bh, Part candidate, Part baseline, Part floor)
            throws IOException {
        long t0 = THREADS.getCurrentThreadCpuTime();
        bh.consume(candidate.run());
        long t1 = THREADS.getCurrentThreadCpuTime();
        bh.consume(baseline.run());
        long t2 = THREADS.getCurrentThreadCpuTime();
        bh.consume(floor.run());
        long t3 = THREADS.getCurrentThreadCpuTime();
        cpu.calls++;
        cpu.candidateNs += t1 - t0;
        cpu.seedOrJacksonNs += t2 - t1;
        cpu.floorNs += t3 - t2;
    }
}
