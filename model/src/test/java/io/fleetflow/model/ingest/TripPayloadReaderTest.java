package io.fleetflow.model.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.TripPayload;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TripPayloadReaderTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final String VEHICLE = "3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10";
    private static final String DRIVER = "7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private final TripPayloadReader reader =
            new TripPayloadReader(
                    new PayloadLimits(5, Duration.ofMinutes(5), 100),
                    Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsAValidTripIntoColumns() throws IOException {
        ReadResult result =
                read(
                        body(
                                "\"2026-05-01T08:00:00+02:00\"",
                                "[{\"speed_kmh\":45,\"g_force_long\":0.1,\"g_force_lat\":0.0},"
                                        + "{\"speed_kmh\":46.5,\"g_force_long\":-0.45,\"g_force_lat\":0.2}]"));

        assertThat(result.errors()).isEmpty();
        TripPayload trip = result.payload();
        assertThat(trip.vehicleId()).isEqualTo(UUID.fromString(VEHICLE));
        assertThat(trip.driverId()).isEqualTo(UUID.fromString(DRIVER));
        assertThat(trip.startedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(trip.samples().speedKmh()).containsExactly(45, 46.5);
        assertThat(trip.samples().gForceLong()).containsExactly(0.1, -0.45);
        assertThat(trip.samples().gForceLat()).containsExactly(0.0, 0.2);
        assertThat(trip.samples().hasExplicitTime()).isFalse();
        assertThat(trip.samples().timeMs(1)).isEqualTo(1000); // default 1 Hz
    }

    @Test
    void theStoredBlobDecodesToExactlyTheSamplesRead() throws IOException {
        java.util.Random random = new java.util.Random(7);
        for (int trip = 0; trip < 1_000; trip++) {
            boolean withTime = random.nextBoolean();
            boolean withVert = random.nextBoolean();
            StringBuilder data = new StringBuilder("[");
            int n = 1 + random.nextInt(5); // read() allows at most 5 samples
            for (int i = 0; i < n; i++) {
                data.append(i == 0 ? "" : ",").append('{');
                // Fields in any order, literals in any valid JSON form.
                List<String> fields = new java.util.ArrayList<>();
                fields.add("\"speed_kmh\":" + literal(random, random.nextDouble() * 400));
                fields.add("\"g_force_long\":" + literal(random, random.nextGaussian() * 3));
                fields.add("\"g_force_lat\":" + literal(random, random.nextGaussian() * 1e-9));
                if (withTime) {
                    fields.add("\"t\":" + i * 100);
                }
                if (withVert) {
                    fields.add("\"g_force_vert\":" + literal(random, random.nextGaussian()));
                }
                fields.add("\"note\":[1.5e3,\"x\"]");
                java.util.Collections.shuffle(fields, random);
                data.append(String.join(",", fields)).append('}');
            }
            String rate =
                    random.nextBoolean() ? ",\"sample_rate_hz\":" + (1 + random.nextInt(100)) : "";
            ReadResult result =
                    read(
                            withRate(
                                    body("\"2026-05-01T08:00:00Z\"", data.append(']').toString()),
                                    rate));

            assertThat(result.errors()).isEmpty();
            TripSamples samples = result.payload().samples();
            assertThat(samples.gForceVert() != null).isEqualTo(withVert);
            assertThat(TripBlobCodec.decode(result.storedBlob())).isEqualTo(samples);
        }
    }

    private static String withRate(String body, String rate) {
        return body.substring(0, body.length() - 1) + rate + "}";
    }

    /** The value as one of the literal forms JSON allows. */
    private static String literal(java.util.Random random, double v) {
        return switch (random.nextInt(4)) {
            case 0 -> Double.toString(v).replace("E", "e");
            case 1 -> String.format(java.util.Locale.ROOT, "%.3f", v);
            case 2 -> String.format(java.util.Locale.ROOT, "%.6E", v);
            default -> // 20 significant digits: more than a double holds
                    new java.math.BigDecimal(v)
                            .round(new java.math.MathContext(20))
                            .toPlainString();
        };
    }

    @Test
    void explicitTimeAndSampleRateAreKeptInAnyFieldOrder() throws IOException {
        String json =
                "{\"data\":[{\"t\":0,\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0},"
                        + "{\"t\":100,\"speed_kmh\":2,\"g_force_long\":0,\"g_force_lat\":0}],"
                        + "\"sample_rate_hz\":10,\"vehicle_id\":\""
                        + VEHICLE
                        + "\",\"driver_id\":\""
                        + DRIVER
                        + "\",\"timestamp\":\"2026-05-01T08:00:00Z\"}";

        TripSamples samples = read(json).payload().samples();

        assertThat(samples.rawTimeMs()).containsExactly(0, 100);
        assertThat(samples.sampleRateHz()).isEqualTo(10.0);
    }

    @Test
    void reportsEveryBadFieldAtOnceWithPointers() throws IOException {
        String json =
                "{\"vehicle_id\":\"not-a-uuid\",\"driver_id\":42,\"timestamp\":\"2026-05-01T08:00:00\","
                        + "\"data\":[{\"speed_kmh\":-1,\"g_force_long\":\"x\",\"g_force_lat\":17},"
                        + "{\"speed_kmh\":1e400,\"g_force_long\":null}, 7]}";

        ReadResult result = read(json);

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors())
                .extracting(FieldError::pointer)
                .containsExactly(
                        "/vehicle_id",
                        "/driver_id",
                        "/timestamp",
                        "/data/0/speed_kmh",
                        "/data/0/g_force_long",
                        "/data/0/g_force_lat",
                        "/data/1/speed_kmh",
                        "/data/1/g_force_long",
                        "/data/1/g_force_lat",
                        "/data/2");
        assertThat(result.errors().get(2).message()).contains("zone offset");
        assertThat(result.errors().get(6).message()).isEqualTo("must be a finite number");
        assertThat(result.errors().get(8).message()).isEqualTo("is required");
    }

    @Test
    void missingFieldsAreNamed() throws IOException {
        ReadResult result = read("{}");

        assertThat(result.errors())
                .extracting(FieldError::pointer)
                .containsExactly("/vehicle_id", "/driver_id", "/timestamp", "/data");
    }

    @Test
    void emptyAndOversizedDataAreRejected() throws IOException {
        assertThat(read(body("\"2026-05-01T08:00:00Z\"", "[]")).errors())
                .containsExactly(new FieldError("/data", "must hold at least one sample"));

        String six =
                "["
                        + "{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0},".repeat(5)
                        + "{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0}]";
        assertThat(read(body("\"2026-05-01T08:00:00Z\"", six)).errors())
                .containsExactly(new FieldError("/data", "must hold at most 5 samples"));
    }

    @Test
    void timeMustBeGivenForAllOrNoneAndNeverDecrease() throws IOException {
        String partial =
                "[{\"t\":0,\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0},"
                        + "{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0}]";
        assertThat(read(body("\"2026-05-01T08:00:00Z\"", partial)).errors())
                .extracting(FieldError::pointer)
                .containsExactly("/data/1/t");

        String backwards =
                "[{\"t\":100,\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0},"
                        + "{\"t\":50,\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0}]";
        assertThat(read(body("\"2026-05-01T08:00:00Z\"", backwards)).errors())
                .extracting(FieldError::pointer)
                .containsExactly("/data/1/t");
    }

    @Test
    void theVerticalAxisIsOptionalAndReadLikeTheOthers() throws IOException {
        TripSamples without =
                read(body(
                                "\"2026-05-01T08:00:00Z\"",
                                "[{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0}]"))
                        .payload()
                        .samples();
        assertThat(without.gForceVert()).isNull();

        ReadResult with =
                read(
                        body(
                                "\"2026-05-01T08:00:00Z\"",
                                "[{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0,\"g_force_vert\":0.35},"
                                        + "{\"g_force_vert\":-1.5,\"speed_kmh\":2,\"g_force_long\":0,\"g_force_lat\":0}]"));
        assertThat(with.errors()).isEmpty();
        assertThat(with.payload().samples().gForceVert()).containsExactly(0.35, -1.5);
        assertThat(TripBlobCodec.decode(with.storedBlob())).isEqualTo(with.payload().samples());
        assertThat(TripBlobCodec.decode(with.storedBlob()).gForceVert())
                .containsExactly(0.35, -1.5);
    }

    @Test
    void aBadVerticalValueIsNamedAndTheAxisIsGivenForAllOrNone() throws IOException {
        String bad =
                "[{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0,\"g_force_vert\":16.5},"
                        + "{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0,\"g_force_vert\":\"up\"},"
                        + "{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0,\"g_force_vert\":null}]";
        assertThat(read(body("\"2026-05-01T08:00:00Z\"", bad)).errors())
                .containsExactly(
                        new FieldError("/data/0/g_force_vert", "must be between -16 and 16 g"),
                        new FieldError("/data/1/g_force_vert", "must be a number"),
                        new FieldError("/data/2/g_force_vert", "must not be null"));

        String partial =
                "[{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0},"
                        + "{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0,\"g_force_vert\":0.2},"
                        + "{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0}]";
        ReadResult mixed = read(body("\"2026-05-01T08:00:00Z\"", partial));
        assertThat(mixed.isValid()).isFalse();
        assertThat(mixed.errors())
                .containsExactly(
                        new FieldError(
                                "/data/0/g_force_vert",
                                "is required because /data/1 gives g_force_vert: give g_force_vert"
                                        + " for every sample or for none"));
    }

    @Test
    void timestampFarInTheFutureIsRejected() throws IOException {
        String oneSample = "[{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0}]";

        assertThat(read(body("\"2026-05-01T12:04:00Z\"", oneSample)).isValid()).isTrue();
        assertThat(read(body("\"2026-05-01T12:06:00Z\"", oneSample)).errors())
                .extracting(FieldError::pointer)
                .containsExactly("/timestamp");
    }

    @Test
    void timestampBeforeTheEarliestStartIsRejected() throws IOException {
        String oneSample = "[{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0}]";

        assertThat(read(body("\"2000-01-01T00:00:00Z\"", oneSample)).isValid()).isTrue();
        assertThat(read(body("\"1999-12-31T23:59:59Z\"", oneSample)).errors())
                .extracting(FieldError::pointer)
                .containsExactly("/timestamp");
        assertThat(read(body("\"-999999999-01-01T00:00:00Z\"", oneSample)).errors())
                .extracting(FieldError::pointer)
                .containsExactly("/timestamp");
    }

    @Test
    void malformedJsonIsOneErrorWithItsLocation() throws IOException {
        ReadResult result = read("{\"vehicle_id\": \"" + VEHICLE + "\", \"data\": [");

        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).pointer()).isEmpty();
        assertThat(result.errors().get(0).message())
                .startsWith("malformed JSON")
                .contains("line 1");
    }

    @Test
    void nonObjectBodiesDuplicateKeysAndTrailingContentAreRejected() throws IOException {
        assertThat(read("[1,2]").errors()).extracting(FieldError::pointer).containsExactly("");
        assertThat(read("{\"vehicle_id\":\"a\",\"vehicle_id\":\"b\"}").errors())
                .contains(new FieldError("/vehicle_id", TripPayloadReader.DUPLICATE));
        String oneSample = "[{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0}]";
        assertThat(read(body("\"2026-05-01T08:00:00Z\"", oneSample) + " {}").errors())
                .extracting(FieldError::message)
                .containsExactly("unexpected content after the JSON object");
    }

    @Test
    void aNameGivenTwiceInASampleIsNamedWhetherKnownOrNot() throws IOException {
        String data =
                "[{\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0},"
                        + "{\"speed_kmh\":1,\"g_force_long\":0,\"speed_kmh\":2,\"g_force_lat\":0},"
                        + "{\"speed_kmh\":1,\"x\":1,\"g_force_long\":0,\"x\":2,\"g_force_lat\":0},"
                        + "{\"t\":5,\"t\":6,\"speed_kmh\":1,\"g_force_long\":0,\"g_force_lat\":0}]";

        ReadResult result = read(body("\"2026-05-01T08:00:00Z\"", data));

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors())
                .contains(
                        new FieldError("/data/1/speed_kmh", TripPayloadReader.DUPLICATE),
                        new FieldError("/data/2/x", TripPayloadReader.DUPLICATE),
                        new FieldError("/data/3/t", TripPayloadReader.DUPLICATE));
    }

    @Test
    void deepNestingAndLongStringsFailFastInsteadOfExhaustingMemory() throws IOException {
        String deep = "{\"extra\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThat(read(deep).errors().get(0).message()).startsWith("malformed JSON");

        String longString = "{\"vehicle_id\":\"" + "a".repeat(5_000_000) + "\"}";
        assertThat(read(longString).errors().get(0).message()).startsWith("malformed JSON");
    }

    @Test
    void errorListIsCappedButEveryErrorIsCounted() throws IOException {
        TripPayloadReader capped =
                new TripPayloadReader(
                        new PayloadLimits(1000, Duration.ZERO, 3),
                        Clock.fixed(NOW, ZoneOffset.UTC));
        String bad =
                "["
                        + "{\"speed_kmh\":-1,\"g_force_long\":0,\"g_force_lat\":0},".repeat(9)
                        + "{\"speed_kmh\":-1,\"g_force_long\":0,\"g_force_lat\":0}]";

        ReadResult result = capped.read(stream(body("\"2026-05-01T08:00:00Z\"", bad)));

        assertThat(result.errors()).hasSize(3);
        assertThat(result.totalErrors()).isEqualTo(10);
    }

    private ReadResult read(String json) throws IOException {
        return reader.read(stream(json));
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(String timestampJson, String dataJson) {
        return "{\"vehicle_id\":\""
                + VEHICLE
                + "\",\"driver_id\":\""
                + DRIVER
                + "\",\"timestamp\":"
                + timestampJson
                + ",\"data\":"
                + dataJson
                + "}";
    }
}
