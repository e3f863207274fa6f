package io.fleetflow.model.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetflow.model.TripSamples;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnarBlobParserTest {

    @Test
    void readsWhatTheEncoderWritesExactlyAsJacksonDoes() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            TripSamples samples = randomTrip(random, random.nextInt(300), round % 2 == 0);
            String blob = TripBlobCodec.encodeJson(samples);

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
    void wordAtATimeDigitCountAndValueMatchByteAtATime() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[8];
            int digits = random.nextInt(9);
            for (int k = 0; k < 8; k++) {
                bytes[k] =
                        k < digits
                                ? (byte) ('0' + random.nextInt(10))
                                : (byte) (i < 256 && k == digits ? i : random.nextInt(256));
            }
            int expected = 0;
            while (expected < 8 && bytes[expected] >= '0' && bytes[expected] <= '9') {
                expected++;
            }
            long word = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();

            assertThat(ColumnarBlobParser.leadingDigits(word)).as("%d", i).isEqualTo(expected);
            if (expected > 0) {
                assertThat(ColumnarBlobParser.digitsValue(word, expected))
                        .isEqualTo(
                                Long.parseLong(
                                        new String(bytes, 0, expected, StandardCharsets.US_ASCII)));
            }
        }
    }

    @Test
    void everyNumberShapeMatchesDoubleParseDoubleInBothFormsFromStringAndBytes() {
        Random random = new Random(5);
        List<String> literals = new ArrayList<>();
        for (int intDigits = 1; intDigits <= 20; intDigits++) {
            for (int fraction = 0; fraction <= 20; fraction++) {
                for (int k = 0; k < 3; k++) {
                    StringBuilder b = new StringBuilder(random.nextBoolean() ? "-" : "");
                    b.append(intDigits == 1 ? random.nextInt(10) : 1 + random.nextInt(9));
                    for (int d = 1; d < intDigits; d++) {
                        b.append(random.nextInt(10));
                    }
                    if (fraction > 0) {
                        b.append('.');
                        for (int d = 0; d < fraction; d++) {
                            b.append(random.nextInt(10));
                        }
                    }
                    if (k == 2) {
                        b.append(random.nextBoolean() ? "e" : "E-").append(random.nextInt(30));
                    }
                    literals.add(b.toString());
                }
            }
        }
        literals.addAll(List.of("0", "-0", "0.0", "-0.0", "9007199254740993", "0.1", "-1.5E+2"));
        for (String separator : List.of(",", ", ", " ,\n\t")) {
            String column = "[" + String.join(separator, literals) + "]";
            String blob =
                    "{\"format\": 1, \"speed_kmh\": "
                            + column
                            + ", \"g_force_long\": "
                            + column
                            + ", \"g_force_lat\": "
                            + column
                            + "}";

            for (TripSamples parsed :
                    List.of(
                            ColumnarBlobParser.parse(blob),
                            ColumnarBlobParser.parse(blob.getBytes(StandardCharsets.UTF_8)))) {
                for (int i = 0; i < literals.size(); i++) {
                    assertThat(Double.doubleToRawLongBits(parsed.speedKmh()[i]))
                            .as(literals.get(i))
                            .isEqualTo(
                                    Double.doubleToRawLongBits(
                                            Double.parseDouble(literals.get(i))));
                }
                assertThat(parsed.gForceLat()).isEqualTo(parsed.speedKmh());
            }
        }
    }

    @Test
    void unusualNumbersMidColumnAreLeftToTheGeneralReaderToo() {
        String tail = ", 1.5".repeat(20);
        String others = "[0" + tail + "]";
        for (String bad :
                List.of(
                        "01",
                        "-01",
                        "00.5",
                        ".5",
                        "1.",
                        "-",
                        "+1",
                        "NaN",
                        "1.e5",
                        "1e",
                        "--1",
                        "1..2",
                        "0x10",
                        "1,,2",
                        "1 2",
                        "12345678901234567890123",
                        "1\u00e9")) {
            String blob =
                    String.format(
                            Locale.ROOT,
                            "{\"format\":1,\"speed_kmh\":[%s%s],\"g_force_long\":%s,"
                                    + "\"g_force_lat\":%s}",
                            bad,
                            tail,
                            others,
                            others);
            boolean valid = bad.equals("12345678901234567890123");

            TripSamples fromString = ColumnarBlobParser.parse(blob);
            TripSamples fromBytes = ColumnarBlobParser.parse(blob.getBytes(StandardCharsets.UTF_8));

            if (valid) {
                assertThat(fromString).as(bad).isNotNull().isEqualTo(fromBytes);
                assertThat(fromString.speedKmh()[0]).isEqualTo(Double.parseDouble(bad));
            } else {
                assertThat(fromString).as(bad).isNull();
                assertThat(fromBytes).as(bad).isNull();
            }
        }
    }

    @Test
    void bytesAndStringGiveTheSameAnswerAlsoThroughTheGeneralReader() {
        String withUnicodeKey =
                "{\"format\":1,\"n\u00f6te\":\"\u00e9\",\"speed_kmh\":[1, 2.5],"
                        + "\"g_force_long\":[0, -0.25],\"g_force_lat\":[0.5, 0]}";
        byte[] utf8 = withUnicodeKey.getBytes(StandardCharsets.UTF_8);

        assertThat(ColumnarBlobParser.parse(utf8)).isNull();
        assertThat(TripBlobCodec.decode(utf8))
                .isEqualTo(TripBlobCodec.decode(withUnicodeKey))
                .isEqualTo(
                        new TripSamples(
                                null,
                                null,
                                new double[] {1, 2.5},
                                new double[] {0, -0.25},
                                new double[] {0.5, 0}));
        assertThatThrownBy(
                        () ->
                                TripBlobCodec.decode(
                                        "{\"format\":1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedBlobException.class);
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
