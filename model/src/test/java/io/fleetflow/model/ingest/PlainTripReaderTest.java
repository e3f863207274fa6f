package io.fleetflow.model.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.TripSamples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plain reader against the general (Jackson) reader: whatever it accepts, the general reader
 * accepts too, with an equal payload and the very same stored blob; whatever else it declines.
 */
class PlainTripReaderTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final PayloadLimits LIMITS = new PayloadLimits(40, Duration.ofMinutes(5), 100);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String VEHICLE = "3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10";
    private static final String DRIVER = "7A1D2C3B-4E5F-4A6B-8C7D-9E0F1A2B3C4D";

    private final TripPayloadReader general = new TripPayloadReader(LIMITS, CLOCK);

    @Test
    void readsPlainValidTripsExactlyAsTheGeneralReader() throws IOException {
        Random random = new Random(11);
        for (int i = 0; i < 3_000; i++) {
            byte[] body = trip(random, false, false).getBytes(StandardCharsets.UTF_8);

            ReadResult plain = PlainTripReader.read(body, LIMITS, CLOCK);

            assertThat(plain).as(new String(body, StandardCharsets.UTF_8)).isNotNull();
            assertSame(plain, generalRead(body), body);
        }
    }

    @Test
    void neverDisagreesWithTheGeneralReaderOnDamagedBodies() throws IOException {
        Random random = new Random(12);
        int accepted = 0;
        int declinedValid = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] body =
                    mutate(random, trip(random, random.nextInt(4) == 0, random.nextBoolean()));
            ReadResult slow;
            try {
                slow = generalRead(body);
            } catch (IOException e) {
                assertThat(PlainTripReader.read(body, LIMITS, CLOCK)).isNull();
                continue;
            }
            ReadResult plain = PlainTripReader.read(body, LIMITS, CLOCK);
            if (plain == null) {
                declinedValid += slow.isValid() ? 1 : 0;
                continue;
            }
            accepted++;
            assertSame(plain, slow, body);
        }
        // Both kinds must occur, or this test would prove nothing.
        assertThat(accepted).isGreaterThan(3_000);
        assertThat(declinedValid).isGreaterThan(300);
    }

    @Test
    void declinesWhatOnlyTheGeneralReaderHandles() throws IOException {
        String plain =
                "{\"vehicle_id\":\""
                        + VEHICLE
                        + "\",\"driver_id\":\""
                        + DRIVER
                        + "\",\"timestamp\":\"2026-05-01T08:00:00Z\","
                        + "\"data\":[{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0}]}";
        assertThat(PlainTripReader.read(bytes(plain), LIMITS, CLOCK)).isNotNull();
        for (String other :
                List.of(
                        plain.replace("\"data\"", "\"note\":{\"a\":[1]},\"data\""), // unknown field
                        plain.replace("3f2b8c1e", "\\u0033f2b8c1e"), // an escape
                        plain.replace("\"speed_kmh\":1", "\"speed_kmh\":1,\"speed_kmh\":2"),
                        plain.replace("\"speed_kmh\":1", "\"speed_kmh\":401"),
                        plain.replace("\"speed_kmh\":1", "\"speed_kmh\":01"),
                        plain.replace("\"g_force_lat\":0}", "\"g_force_lat\":0,\"t\":-0}"),
                        plain.replace("\"data\"", "\"sample_rate_hz\":null,\"data\""),
                        "\uFEFF" + plain,
                        plain + " x",
                        plain.substring(0, plain.length() - 1))) {
            byte[] body = bytes(other);
            assertThat(PlainTripReader.read(body, LIMITS, CLOCK)).as(other).isNull();
        }
        // The escape, the duplicate-free unknown field, -0 for t and a null rate are all valid:
        // the general reader takes them.
        assertThat(
                        generalRead(
                                        bytes(
                                                plain.replace(
                                                        "\"data\"",
                                                        "\"note\":{\"a\":[1]},\"data\"")))
                                .isValid())
                .isTrue();
        assertThat(
                        generalRead(
                                        bytes(
                                                plain.replace(
                                                        "\"data\"",
                                                        "\"sample_rate_hz\":null,\"data\"")))
                                .isValid())
                .isTrue();
    }

    @Test
    void readsIntegerLiteralsAsTheirExactValueAndDecimalsCorrectlyRounded() throws IOException {
        String body =
                "{\"vehicle_id\":\""
                        + VEHICLE
                        + "\",\"driver_id\":\""
                        + DRIVER
                        + "\",\"timestamp\":\"2026-05-01T08:00:00Z\",\"data\":["
                        + "{\"speed_kmh\":-0,\"g_force_long\":-0.0,\"g_force_lat\":0.1},"
                        + "{\"speed_kmh\":399.999999999999,\"g_force_long\":1E1,\"g_force_lat\":-1.5e-3}]}";

        ReadResult plain = PlainTripReader.read(bytes(body), LIMITS, CLOCK);

        assertThat(plain).isNotNull();
        TripSamples samples = plain.payload().samples();
        assertThat(Double.doubleToRawLongBits(samples.speedKmh()[0])).isZero(); // +0.0, as Jackson
        assertThat(Double.doubleToRawLongBits(samples.gForceLong()[0]))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(samples.speedKmh()[1]).isEqualTo(Double.parseDouble("399.999999999999"));
        assertThat(samples.gForceLat()).containsExactly(0.1, -1.5e-3);
        assertSame(plain, generalRead(bytes(body)), bytes(body));
    }

    @Test
    void bytesJacksonCannotDecodeFailAsTheyDoFromAStream() {
        // Four bytes that look like the start of UTF-32, then ASCII: found by the gateway's fuzz
        // test.
        byte[] body = bytes("v\0\0\0ehicle_id\":\"3f2b8c1e\"}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> generalRead(body))
                .isInstanceOf(IOException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> general.read(body))
                .isInstanceOf(IOException.class);
    }

    private ReadResult generalRead(byte[] body) throws IOException {
        return general.read(new ByteArrayInputStream(body));
    }

    private static void assertSame(ReadResult plain, ReadResult slow, byte[] body) {
        String doc = new String(body, StandardCharsets.UTF_8);
        assertThat(slow.isValid()).as(doc).isTrue();
        assertThat(plain.payload()).as(doc).isEqualTo(slow.payload());
        assertThat(plain.storedBlob()).as(doc).isEqualTo(slow.storedBlob());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A trip in random layout: valid unless {@code allowFlaws}; {@code unusual} adds what only the
     * general reader takes.
     */
    private static String trip(Random random, boolean unusual, boolean allowFlaws) {
        List<String> fields = new ArrayList<>();
        fields.add("\"vehicle_id\":\"" + VEHICLE + "\"");
        fields.add("\"driver_id\":\"" + DRIVER + "\"");
        fields.add(
                "\"timestamp\":\""
                        + (random.nextBoolean()
                                ? "2026-05-01T08:00:00Z"
                                : "2026-05-01T10:00:00.250+02:00")
                        + "\"");
        if (random.nextBoolean()) {
            fields.add("\"sample_rate_hz\":" + literal(random, 1 + random.nextInt(100)));
        }
        if (unusual) {
            fields.add("\"firmware\":\"v1.2 \\\"beta\\\"\"");
        }
        boolean withTime = random.nextBoolean();
        boolean withVert = random.nextInt(3) == 0;
        StringBuilder data = new StringBuilder("\"data\":[");
        int n = 1 + random.nextInt(8);
        long t = random.nextInt(1000);
        // Now and then one sample breaks a rule while the JSON stays well formed.
        int flawed = allowFlaws ? random.nextInt(2 * n) : -1;
        for (int i = 0; i < n; i++) {
            List<String> sample = new ArrayList<>();
            sample.add("\"speed_kmh\":" + literal(random, random.nextDouble() * 400));
            sample.add("\"g_force_long\":" + literal(random, random.nextGaussian() * 3));
            sample.add("\"g_force_lat\":" + literal(random, random.nextGaussian()));
            if (withVert) {
                sample.add("\"g_force_vert\":" + literal(random, random.nextGaussian() * 0.5));
            }
            if (withTime) {
                t += random.nextInt(3) * 50;
                sample.add("\"t\":" + t);
            }
            if (i == flawed) {
                flaw(random, sample, t);
            }
            Collections.shuffle(sample, random);
            data.append(i == 0 ? "" : "," + ws(random)).append('{').append(ws(random));
            data.append(String.join("," + ws(random), sample)).append(ws(random)).append('}');
        }
        fields.add(data.append(']').toString());
        Collections.shuffle(fields, random);
        return ws(random)
                + "{"
                + ws(random)
                + String.join("," + ws(random), fields)
                + ws(random)
                + "}"
                + ws(random);
    }

    /** Breaks one rule in a sample's members. */
    private static void flaw(Random random, List<String> sample, long t) {
        switch (random.nextInt(10)) {
            case 0 -> sample.remove(random.nextInt(sample.size())); // a field (or t) missing
            case 1 -> sample.add(sample.get(random.nextInt(sample.size()))); // given twice
            case 2 -> {
                if (!sample.removeIf(m -> m.startsWith("\"t\""))) {
                    sample.add("\"t\":" + t); // t in one sample only
                }
            }
            case 3 ->
                    sample.set(0, "\"speed_kmh\":" + (random.nextBoolean() ? "400.0001" : "-0.5"));
            case 4 ->
                    sample.set(1, "\"g_force_long\":" + (random.nextBoolean() ? "16.5" : "-1e400"));
            case 5 ->
                    sample.set(2, "\"g_force_lat\":" + (random.nextBoolean() ? "null" : "\"0.1\""));
            case 6 -> sample.add("\"t\":" + (random.nextBoolean() ? "-1" : "1.5"));
            case 7 -> {
                if (!sample.removeIf(m -> m.startsWith("\"g_force_vert\""))) {
                    sample.add("\"g_force_vert\":0.25"); // g_force_vert in one sample only
                }
            }
            case 8 -> sample.add("\"g_force_vert\":" + (random.nextBoolean() ? "16.01" : "true"));
            default ->
                    sample.add("\"t\":" + Math.max(0, t - 1 - random.nextInt(100))); // decreasing
        }
    }

    private static String ws(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n  ";
            case 2 -> "\t\r\n";
            default -> "";
        };
    }

    /** The value as one of the literal forms JSON allows. */
    private static String literal(Random random, double v) {
        return switch (random.nextInt(6)) {
            case 0 -> Double.toString(v).replace("E", "e");
            case 1 -> String.format(Locale.ROOT, "%.3f", v);
            case 2 -> String.format(Locale.ROOT, "%.6E", v);
            case 3 -> Long.toString(Math.round(v));
            case 4 -> String.format(Locale.ROOT, "%.4f", v);
            default -> // 20 significant digits: more than a double holds
                    new BigDecimal(v).round(new MathContext(20)).toPlainString();
        };
    }

    private static final String INTERESTING = "{}[],:\"\\-+.eE0123456789 \tnulltrue\u00e9";

    /** The body with 0–3 random edits: bytes deleted, inserted, replaced or a slice repeated. */
    private static byte[] mutate(Random random, String trip) {
        StringBuilder s = new StringBuilder(trip);
        int edits = random.nextInt(4);
        for (int e = 0; e < edits && s.length() > 1; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(3)));
                case 1 -> s.insert(at, INTERESTING.charAt(random.nextInt(INTERESTING.length())));
                case 2 -> s.setCharAt(at, INTERESTING.charAt(random.nextInt(INTERESTING.length())));
                case 3 -> {
                    int to = Math.min(s.length(), at + 1 + random.nextInt(40));
                    s.insert(to, s.substring(at, to));
                }
                default -> s.setLength(at); // truncated
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
