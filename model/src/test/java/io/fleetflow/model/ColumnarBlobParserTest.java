package io.fleetflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnarBlobParserTest {

    @Test
    void readsWhatTheEncoderWritesExactlyAsJacksonDoes() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            TripSamples samples = randomTrip(random, random.nextInt(300), round % 2 == 0);
            String blob = TripBlobCodec.encode(samples);

            TripSamples fast = ColumnarBlobParser.parse(blob);

            assertThat(fast).isNotNull().isEqualTo(samples);
            assertThat(fast).isEqualTo(TripBlobCodec.decodeWithJackson(blob));
        }
    }

    @Test
    void readsPostgresJsonbOutputWithSpacesAndReorderedKeys() {
        String jsonb =
                "{\"t\": [0, 100, 250], \"format\": 1, \"speed_kmh\": [0.0, 12.5, 1E+1],"
                        + " \"g_force_lat\": [0.01, -0.002, 0], \"g_force_long\": [-0.35, 0.4,"
                        + " 1.2345678901234567], \"sample_rate_hz\": 10.0}";

        TripSamples fast = ColumnarBlobParser.parse(jsonb);

        assertThat(fast).isNotNull().isEqualTo(TripBlobCodec.decodeWithJackson(jsonb));
        assertThat(fast.speedKmh()).containsExactly(0.0, 12.5, 10.0);
        assertThat(fast.gForceLong()[2]).isEqualTo(1.2345678901234567);
    }

    @Test
    void numbersMatchDoubleParseDoubleBitForBit() {
        Random random = new Random(11);
        int count = 2_000;
        String[] literals = new String[count];
        for (int i = 0; i < count; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(8) - 3);
            literals[i] = String.format(java.util.Locale.ROOT, "%." + random.nextInt(17) + "f", v);
        }
        String column = "[" + String.join(",", literals) + "]";
        String blob =
                "{\"format\":1,\"speed_kmh\":"
                        + column
                        + ",\"g_force_long\":"
                        + column
                        + ",\"g_force_lat\":"
                        + column
                        + "}";

        TripSamples parsed = ColumnarBlobParser.parse(blob);

        assertThat(parsed).isNotNull();
        for (int i = 0; i < count; i++) {
            assertThat(Double.doubleToRawLongBits(parsed.speedKmh()[i]))
                    .as(literals[i])
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(literals[i])));
        }
    }

    @Test
    void leavesAnythingUnusualToTheGeneralReader() {
        String[] unusual = {
            "{\"format\":1,\"speed_kmh\":[01],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "{\"format\":1,\"speed_kmh\":[.5],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "{\"format\":1,\"speed_kmh\":[1.],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "{\"format\":1,\"speed_kmh\":[+1],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "{\"format\":1,\"speed_kmh\":[NaN],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "{\"format\":1,\"speed_kmh\":[1],\"g_force_long\":[0],\"g_force_lat\":[0]} x",
            "{\"format\":1,\"speed_kmh\":[1],\"g_force_long\":[0],\"g_force_lat\":[0]",
            "{\"format\":1,\"sp\\u0065ed_kmh\":[1],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "{\"format\":1,\"note\":\"x\",\"speed_kmh\":[1],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "{\"format\":1,\"t\":[0.5],\"speed_kmh\":[1],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "{\"format\":2,\"speed_kmh\":[1],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "{\"format\":1,\"sample_rate_hz\":null,\"speed_kmh\":[1],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "{\"format\":1,\"speed_kmh\":[1"
                    + "0".repeat(TripBlobCodec.MAX_NUMBER_LENGTH + 1)
                    + "],\"g_force_long\":[0],\"g_force_lat\":[0]}",
            "[]",
            ""
        };
        for (String blob : unusual) {
            assertThat(ColumnarBlobParser.parse(blob)).as(blob).isNull();
        }
    }

    @Test
    void malformedBlobsAreStillRejectedWithAReason() {
        assertThatThrownBy(
                        () ->
                                TripBlobCodec.decode(
                                        "{\"format\":1,\"speed_kmh\":[01],\"g_force_long\":[0],\"g_force_lat\":[0]}"))
                .isInstanceOf(MalformedBlobException.class);
        assertThatThrownBy(() -> TripBlobCodec.decode("{\"format\":1,\"speed_kmh\":[1]"))
                .isInstanceOf(MalformedBlobException.class);
    }

    private static TripSamples randomTrip(Random random, int n, boolean withTime) {
        long[] t = withTime ? new long[n] : null;
        double[] speed = new double[n];
        double[] gLong = new double[n];
        double[] gLat = new double[n];
        long time = 0;
        for (int i = 0; i < n; i++) {
            if (withTime) {
                time += random.nextInt(100);
                t[i] = time;
            }
            speed[i] = Math.round(random.nextDouble() * 1300) / 10.0;
            gLong[i] = (random.nextDouble() - 0.5) * 2;
            gLat[i] = Math.round((random.nextDouble() - 0.5) * 20_000) / 10_000.0;
        }
        return new TripSamples(t, withTime ? null : 50.0, speed, gLong, gLat);
    }
}
