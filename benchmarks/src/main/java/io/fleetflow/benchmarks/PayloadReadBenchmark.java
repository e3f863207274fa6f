package io.fleetflow.benchmarks;

import io.fleetflow.model.TripSamples;
import io.fleetflow.model.ingest.ReadResult;
import io.fleetflow.model.ingest.TripPayloadReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Reading a posted trip ({@link TripPayloadReader#read(byte[])}) of the first {@code samples} of
 * the benchmark trip, written as devices write it. {@code readPlain} takes the byte-level path
 * (PlainTripReader); {@code readGeneral} is the same body with an unknown member in front, which
 * that path declines at once, so it measures the Jackson streaming reader. Scores are trips per
 * second.
 */
public class PayloadReadBenchmark extends TripBenchmark {

    @Param({"100", "3600"})
    public int samples;

    private final TripPayloadReader reader = new TripPayloadReader();
    private byte[] plain;
    private byte[] general;

    @Override
    protected void prepare() {
        String data = samples(trip, samples);
        plain = body("", data);
        general = body("\"note\":\"unknown members go the general way\",", data);
        if (read(plain) == null || read(general) == null) {
            throw new IllegalStateException("benchmark bodies must be valid trips");
        }
    }

    @Benchmark
    public ReadResult readPlain() throws IOException {
        return reader.read(plain);
    }

    @Benchmark
    public ReadResult readGeneral() throws IOException {
        return reader.read(general);
    }

    private ReadResult read(byte[] body) {
        try {
            ReadResult result = reader.read(body);
            return result.isValid() ? result : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] body(String head, String data) {
        return ("{"
                        + head
                        + "\"vehicle_id\":\"3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10\","
                        + "\"driver_id\":\"9a57c1e4-2b1c-4c1e-8d4a-0d9e7f103f2b\","
                        + "\"timestamp\":\"2024-05-01T08:00:00Z\",\"sample_rate_hz\":50,"
                        + "\"data\":["
                        + data
                        + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String samples(TripSamples trip, int count) {
        StringBuilder out = new StringBuilder(count * 80);
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ",")
                    .append("{\"t\":")
                    .append(trip.timeMs(i))
                    .append(",\"speed_kmh\":")
                    .append(plain(trip.speedKmh()[i]))
                    .append(",\"g_force_long\":")
                    .append(plain(trip.gForceLong()[i]))
                    .append(",\"g_force_lat\":")
                    .append(plain(trip.gForceLat()[i]))
                    .append('}');
        }
        return out.toString();
    }

    /** Without an exponent, as devices print four-decimal values. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }
}
