package io.fleetflow.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.scoring.Signals;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every benchmark here starts from: the run settings (JMH inherits them) and one trip of
 * {@link #SAMPLES} samples ({@link SyntheticTrips}, seed 42) with its timeline and its blob in
 * format 1 (JSON, as trips were stored before format 2) and in format 2 (as they are stored now),
 * plus the two floors several benchmarks measure against (a plain array sum, Jackson tokenizing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public abstract class TripBenchmark {
    static final int SAMPLES = 100_000;

    private static final JsonFactory JSON = new JsonFactory();

    protected TripSamples trip;
    protected long[] timeline;
    protected String blob;
    protected byte[] binaryBlob;

    /** The only {@code @Setup} of the trial: JMH does not order set-ups across a hierarchy. */
    @Setup
    public final void setUpTrip() {
        trip = SyntheticTrips.trip(SAMPLES, 42);
        timeline = Signals.timeline(trip);
        blob = TripBlobCodec.encodeJson(trip);
        binaryBlob = TripBlobCodec.encode(trip);
        prepare();
    }

    /** A benchmark's own inputs, made from the trip after it exists. */
    protected void prepare() {}

    /** The memory-bound floor of a pass over the three channels. */
    static double arraySum(TripSamples trip) {
        double[] a = trip.speedKmh();
        double[] b = trip.gForceLong();
        double[] c = trip.gForceLat();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] + b[i] + c[i];
        }
        return sum;
    }

    /** The floor of any Jackson-based reader: tokens counted, no number converted. */
    static long tokenize(String json) throws IOException {
        long tokens = 0;
        try (JsonParser p = JSON.createParser(json)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }
}
