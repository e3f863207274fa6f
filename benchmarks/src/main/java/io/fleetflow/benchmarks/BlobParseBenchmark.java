package io.fleetflow.benchmarks;

import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing a stored blob ({@link TripBlobCodec#decode}: the columnar fast path straight into
 * primitive arrays) of a 100,000-sample trip, from a string and, as the Flink job reads it, from
 * the bytes of PostgreSQL's JSONB output. The {@code bytes} counter reads as blob bytes (UTF-8) per
 * second. Baselines in the same run: the general Jackson streaming reader on the same blob, and
 * Jackson merely tokenizing it without converting a single number (the floor any Jackson-based
 * reader pays). {@code decodeFormatTwo} reads the same trip's format 2 blob (its {@code bytes}
 * counter counts the JSON blob's bytes, so that the rates compare as trips per second).
 */
public class BlobParseBenchmark extends TripBenchmark {

    private int blobBytes;

    /** The same blob as PostgreSQL's JSONB output sends it: a space after every comma and colon. */
    private byte[] storedForm;

    /** Bytes of blob handled, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Override
    protected void prepare() {
        blobBytes = blob.getBytes(StandardCharsets.UTF_8).length;
        storedForm = blob.replace(",", ", ").replace(":", ": ").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public TripSamples decodeBlob(Bytes counter) {
        counter.bytes += blobBytes;
        return TripBlobCodec.decode(blob);
    }

    /** As the Flink job reads it: the database's bytes, no string in between. */
    @Benchmark
    public TripSamples decodeStoredBytes(Bytes counter) {
        counter.bytes += storedForm.length;
        return TripBlobCodec.decode(storedForm);
    }

    /** The same trip from its format 2 blob, as trips are stored since issue 21. */
    @Benchmark
    public TripSamples decodeFormatTwo(Bytes counter) {
        counter.bytes += blobBytes;
        return TripBlobCodec.decode(binaryBlob);
    }

    /** Writing the trip's format 2 blob, as the gateway does for each accepted trip. */
    @Benchmark
    public byte[] encodeFormatTwo(Bytes counter) {
        counter.bytes += blobBytes;
        return TripBlobCodec.encode(trip);
    }

    @Benchmark
    public TripSamples baselineJacksonDecode(Bytes counter) {
        counter.bytes += blobBytes;
        return TripBlobCodec.decodeWithJackson(blob);
    }

    @Benchmark
    public long baselineTokenizeOnly(Bytes counter) throws IOException {
        counter.bytes += blobBytes;
        return tokenize(blob);
    }
}
