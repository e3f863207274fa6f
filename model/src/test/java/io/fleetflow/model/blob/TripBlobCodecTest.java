package io.fleetflow.model.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetflow.model.TripSamples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TripBlobCodecTest {

    @Test
    void roundTripsSamplesWithExplicitTime() {
        TripSamples samples =
                new TripSamples(
                        new long[] {0, 20, 40},
                        50.0,
                        new double[] {0, 12.5, 13.25},
                        new double[] {0.1, -0.4567891234, 1e-7},
                        new double[] {-0.0, 0.3, -15.9});

        assertThat(TripBlobCodec.decode(TripBlobCodec.encodeJson(samples))).isEqualTo(samples);
    }

    @Test
    void everyFiniteDoubleReadsBackBitForBitThroughBothDecoders() {
        java.util.Random random = new java.util.Random(20261128);
        int n = 20_000;
        double[] speed = new double[n];
        double[] gLong = new double[n];
        double[] gLat = new double[n];
        for (int i = 0; i < n; i++) {
            speed[i] = Math.round(random.nextDouble() * 20_000) / 100.0; // device-like decimals
            gLong[i] = anyFiniteDouble(random);
            gLat[i] = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        }
        TripSamples samples = new TripSamples(null, 10.0, speed, gLong, gLat);

        String blob = TripBlobCodec.encodeJson(samples);

        assertThat(ColumnarBlobParser.parse(blob)).isEqualTo(samples);
        assertThat(TripBlobCodec.decodeWithJackson(blob)).isEqualTo(samples);
    }

    private static double anyFiniteDouble(java.util.Random random) {
        double d;
        do {
            d = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(d));
        return d;
    }

    @Test
    void roundTripsSamplesWithoutTimeOrRate() {
        TripSamples samples =
                new TripSamples(null, null, new double[] {1}, new double[] {2}, new double[] {3});

        String blob = TripBlobCodec.encodeJson(samples);

        assertThat(blob).doesNotContain("\"t\"").doesNotContain("sample_rate_hz");
        assertThat(TripBlobCodec.decode(blob)).isEqualTo(samples);
    }

    @Test
    void readsTheTextPostgresGivesBackForJsonb() {
        String jsonbText =
                "{\"t\": [0, 100], \"format\": 1, \"speed_kmh\": [10, 11.5], \"g_force_lat\": [0, 0.1],"
                        + " \"g_force_long\": [-0.5, 0.25], \"sample_rate_hz\": 10.0}";

        TripSamples samples = TripBlobCodec.decode(jsonbText);

        assertThat(samples.rawTimeMs()).containsExactly(0, 100);
        assertThat(samples.gForceLong()).containsExactly(-0.5, 0.25);
        assertThat(samples.sampleRateHz()).isEqualTo(10.0);
    }

    @Test
    void readsTheLongestNumbersPostgresPrintsForTinyValues() {
        // jsonb keeps numbers as numeric and prints 1e-300 as 0.000...1 (no exponent).
        String tiny = "0." + "0".repeat(299) + "1";
        String subnormal = "-0." + "0".repeat(323) + "49";
        String jsonbText =
                "{\"format\": 1, \"speed_kmh\": [1, 2], \"g_force_lat\": ["
                        + tiny
                        + ", 0],"
                        + " \"g_force_long\": [0, "
                        + subnormal
                        + "]}";

        TripSamples fast = ColumnarBlobParser.parse(jsonbText);
        TripSamples general = TripBlobCodec.decodeWithJackson(jsonbText);

        assertThat(TripBlobCodec.decode(jsonbText).gForceLat()).containsExactly(1e-300, 0);
        assertThat(general.gForceLong()).containsExactly(0, -4.9e-324);
        if (fast != null) {
            assertThat(fast).isEqualTo(general);
        }
    }

    @Test
    void roundTripsTheVerticalAxisThroughBothDecoders() {
        TripSamples samples =
                new TripSamples(
                        new long[] {0, 20, 40},
                        50.0,
                        new double[] {0, 12.5, 13.25},
                        new double[] {0.1, -0.45, 1e-7},
                        new double[] {-0.0, 0.3, -15.9},
                        new double[] {0.02, -2.5, 16});

        String blob = TripBlobCodec.encodeJson(samples);

        assertThat(blob).endsWith(",\"g_force_vert\":[0.02,-2.5,16.0]}");
        assertThat(ColumnarBlobParser.parse(blob)).isEqualTo(samples);
        assertThat(TripBlobCodec.decodeWithJackson(blob)).isEqualTo(samples);
        assertThat(TripBlobCodec.encodeJson(new TripSamples(null, null, a(1), a(2), a(3))))
                .doesNotContain("g_force_vert");
    }

    /**
     * Blobs as the codec and the ingest readers wrote them before {@code g_force_vert} existed
     * (made by the code of commit ba09810), and as PostgreSQL's jsonb gives them back: they read as
     * before, without the vertical axis, on both decoders.
     */
    @Test
    void blobsStoredBeforeTheVerticalAxisDecodeUnchanged() throws IOException {
        List<String> stored = storedBlobs("format-1-before-g-force-vert.txt");
        TripSamples dense =
                new TripSamples(
                        new long[] {0, 40, 80, 120},
                        25.0,
                        new double[] {48.5, 48.25, 31.0, 12.75},
                        new double[] {-0.05, -1.85, -0.6, 0.0},
                        new double[] {0.02, 0.4, -0.125, 0.0});
        TripSamples plain =
                new TripSamples(null, 10.0, a(50, 49.5), a(0.1, -0.45), new double[] {-0.02, 0.0});

        assertThat(stored).hasSize(4);
        for (int i = 0; i < stored.size(); i++) {
            TripSamples expected = i < 2 ? dense : plain;
            String blob = stored.get(i);
            assertThat(ColumnarBlobParser.parse(blob)).as(blob).isEqualTo(expected);
            assertThat(TripBlobCodec.decodeWithJackson(blob)).as(blob).isEqualTo(expected);
            assertThat(TripBlobCodec.decode(blob.getBytes(StandardCharsets.UTF_8)))
                    .as(blob)
                    .isEqualTo(expected);
            assertThat(expected.gForceVert()).isNull();
        }
        // What the codec writes for a trip without the axis is still byte for byte the old blob.
        assertThat(TripBlobCodec.encodeJson(dense)).isEqualTo(stored.get(0));
    }

    @Test
    void aVerticalColumnOfAnotherLengthIsNoBlob() {
        assertThatThrownBy(
                        () ->
                                TripBlobCodec.decode(
                                        "{\"format\":1,\"speed_kmh\":[1,2],\"g_force_long\":[1,2],"
                                                + "\"g_force_lat\":[1,2],\"g_force_vert\":[1]}"))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("same length");
    }

    private static double[] a(double... values) {
        return values;
    }

    private static List<String> storedBlobs(String resource) throws IOException {
        try (InputStream in = TripBlobCodecTest.class.getResourceAsStream("/blobs/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void rejectsWhatIsNotABlob() {
        assertThatThrownBy(() -> TripBlobCodec.decode("[]"))
                .isInstanceOf(MalformedBlobException.class);
        assertThatThrownBy(() -> TripBlobCodec.decode("{\"format\":2}"))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("format");
        assertThatThrownBy(
                        () ->
                                TripBlobCodec.decode(
                                        "{\"format\":1,\"speed_kmh\":[1,2],\"g_force_long\":[1],\"g_force_lat\":[1]}"))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> TripBlobCodec.decode("{\"format\":1,\"speed_kmh\":[1"))
                .isInstanceOf(MalformedBlobException.class);
    }
}
