package io.fleetflow.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads and validates a trip payload in one streaming pass, straight into columnar arrays, so a
 * two-million-sample trip never exists as a tree of objects. Every violation is collected and
 * reported together, each with the JSON pointer of the offending value.
 *
 * <p>Thread-safe: holds only immutable configuration.
 */
public final class TripPayloadReader {

    /** Longest string accepted anywhere in a payload. In characters. */
    public static final int MAX_STRING_LENGTH = 1_000;

    /** Deepest nesting accepted anywhere in a payload (the format itself needs 3). */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final List<String> REQUIRED_SAMPLE_FIELDS =
            List.of("speed_kmh", "g_force_long", "g_force_lat");

    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxStringLength(MAX_STRING_LENGTH)
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .maxNumberLength(64)
                                    .build())
                    .build();

    private final PayloadLimits limits;
    private final Clock clock;

    public TripPayloadReader(PayloadLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public TripPayloadReader() {
        this(PayloadLimits.DEFAULTS, Clock.systemUTC());
    }

    /** Reads one payload. I/O errors of the stream itself propagate; bad content never throws. */
    public ReadResult read(InputStream body) throws IOException {
        Errors errors = new Errors(limits.maxReportedErrors());
        Fields fields = new Fields();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                errors.add("", "the body must be a JSON object");
                return ReadResult.invalid(errors.listed, errors.unlisted);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "vehicle_id" -> fields.vehicleId = readUuid(p, "/vehicle_id", errors);
                    case "driver_id" -> fields.driverId = readUuid(p, "/driver_id", errors);
                    case "timestamp" -> fields.startedAt = readTimestamp(p, errors);
                    case "sample_rate_hz" -> fields.sampleRateHz = readSampleRate(p, errors);
                    case "data" -> fields.samples = readSamples(p, fields.sampleRateHz, errors);
                    default -> p.skipChildren();
                }
                fields.seen.add(name);
            }
            if (p.nextToken() != null) {
                errors.add("", "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            errors.add("", "malformed JSON: " + e.getOriginalMessage() + locationOf(e));
            return ReadResult.invalid(errors.listed, errors.unlisted);
        }
        for (String required : List.of("vehicle_id", "driver_id", "timestamp", "data")) {
            if (!fields.seen.contains(required)) {
                errors.add("/" + required, "is required");
            }
        }
        if (!errors.isEmpty()) {
            return ReadResult.invalid(errors.listed, errors.unlisted);
        }
        TripSamples samples = fields.samples;
        if (fields.sampleRateHz != null && samples.sampleRateHz() == null) {
            // "sample_rate_hz" came after "data" in the document.
            samples =
                    new TripSamples(
                            samples.rawTimeMs(),
                            fields.sampleRateHz,
                            samples.speedKmh(),
                            samples.gForceLong(),
                            samples.gForceLat());
        }
        return ReadResult.ok(
                new TripPayload(fields.vehicleId, fields.driverId, fields.startedAt, samples));
    }

    private static UUID readUuid(JsonParser p, String pointer, Errors errors) throws IOException {
        String text = readString(p, pointer, errors);
        if (text == null) {
            return null;
        }
        String problem = PayloadRules.uuid(text);
        if (problem != null) {
            errors.add(pointer, problem);
            return null;
        }
        return PayloadRules.parseUuid(text);
    }

    private OffsetDateTime readTimestamp(JsonParser p, Errors errors) throws IOException {
        String text = readString(p, "/timestamp", errors);
        if (text == null) {
            return null;
        }
        String problem = PayloadRules.timestampWithZone(text);
        if (problem != null) {
            errors.add("/timestamp", problem);
            return null;
        }
        OffsetDateTime startedAt = OffsetDateTime.parse(text);
        problem = PayloadRules.notBeforeEarliestStart(startedAt);
        if (problem != null) {
            errors.add("/timestamp", problem);
            return null;
        }
        problem =
                PayloadRules.notTooFarInFuture(startedAt, clock.instant(), limits.maxFutureSkew());
        if (problem != null) {
            errors.add("/timestamp", problem);
            return null;
        }
        return startedAt;
    }

    private static Double readSampleRate(JsonParser p, Errors errors) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null; // optional: null means "not given"
        }
        Double hz = readNumber(p, "/sample_rate_hz", errors);
        if (hz == null) {
            return null;
        }
        String problem = PayloadRules.sampleRateInRange(hz);
        if (problem != null) {
            errors.add("/sample_rate_hz", problem);
            return null;
        }
        return hz;
    }

    private TripSamples readSamples(JsonParser p, Double sampleRateHz, Errors errors)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            errors.add(
                    "/data",
                    p.currentToken() == JsonToken.VALUE_NULL
                            ? "must not be null"
                            : "must be an array of samples");
            p.skipChildren();
            return null;
        }
        SampleColumns columns = new SampleColumns();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (index >= limits.maxSamples()) {
                errors.add("/data", "must hold at most " + limits.maxSamples() + " samples");
                skipRestOfArray(p);
                return null;
            }
            readSample(p, index, columns, errors);
            index++;
        }
        if (index == 0) {
            errors.add("/data", "must hold at least one sample");
            return null;
        }
        return columns.finish(sampleRateHz, errors);
    }

    private static void skipRestOfArray(JsonParser p) throws IOException {
        p.skipChildren();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
    }

    private static void readSample(JsonParser p, int index, SampleColumns columns, Errors errors)
            throws IOException {
        String base = "/data/" + index;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            errors.add(base, "must be an object with speed_kmh, g_force_long and g_force_lat");
            p.skipChildren();
            columns.addInvalid();
            return;
        }
        Double speed = null;
        Double gLong = null;
        Double gLat = null;
        Long t = null;
        boolean tGiven = false;
        // Which required fields appeared (bits in REQUIRED_SAMPLE_FIELDS order); no per-sample set.
        int given = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "speed_kmh" -> given |= 1;
                case "g_force_long" -> given |= 2;
                case "g_force_lat" -> given |= 4;
                default -> {}
            }
            switch (name) {
                case "speed_kmh" ->
                        speed =
                                checked(
                                        readNumber(p, base + "/speed_kmh", errors),
                                        PayloadRules::speedInRange,
                                        base + "/speed_kmh",
                                        errors);
                case "g_force_long" ->
                        gLong =
                                checked(
                                        readNumber(p, base + "/g_force_long", errors),
                                        PayloadRules::gForceInRange,
                                        base + "/g_force_long",
                                        errors);
                case "g_force_lat" ->
                        gLat =
                                checked(
                                        readNumber(p, base + "/g_force_lat", errors),
                                        PayloadRules::gForceInRange,
                                        base + "/g_force_lat",
                                        errors);
                case "t" -> {
                    tGiven = true;
                    t = readTime(p, base + "/t", errors);
                }
                default -> p.skipChildren();
            }
        }
        for (int i = 0; i < REQUIRED_SAMPLE_FIELDS.size(); i++) {
            if ((given & (1 << i)) == 0) {
                errors.add(base + "/" + REQUIRED_SAMPLE_FIELDS.get(i), "is required");
            }
        }
        columns.add(index, tGiven, t, speed, gLong, gLat, errors);
    }

    private static Double checked(
            Double value,
            java.util.function.DoubleFunction<String> rule,
            String pointer,
            Errors errors) {
        if (value == null) {
            return null;
        }
        String problem = rule.apply(value);
        if (problem != null) {
            errors.add(pointer, problem);
            return null;
        }
        return value;
    }

    private static Long readTime(JsonParser p, String pointer, Errors errors) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            errors.add(
                    pointer,
                    token == JsonToken.VALUE_NULL
                            ? "must not be null"
                            : "must be a whole number of ms since trip start");
            p.skipChildren();
            return null;
        }
        if (p.getNumberType() != JsonParser.NumberType.INT
                && p.getNumberType() != JsonParser.NumberType.LONG) {
            errors.add(pointer, "is too large");
            return null;
        }
        long t = p.getLongValue();
        String problem = PayloadRules.timeNotNegative(t);
        if (problem != null) {
            errors.add(pointer, problem);
            return null;
        }
        return t;
    }

    private static Double readNumber(JsonParser p, String pointer, Errors errors)
            throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            errors.add(
                    pointer,
                    token == JsonToken.VALUE_NULL ? "must not be null" : "must be a number");
            p.skipChildren();
            return null;
        }
        double value = p.getDoubleValue();
        String problem = PayloadRules.finite(value);
        if (problem != null) {
            errors.add(pointer, problem);
            return null;
        }
        return value;
    }

    private static String readString(JsonParser p, String pointer, Errors errors)
            throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_STRING) {
            errors.add(
                    pointer,
                    token == JsonToken.VALUE_NULL ? "must not be null" : "must be a string");
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    private static String locationOf(JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null
                ? ""
                : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** Field values seen so far in the top-level object. */
    private static final class Fields {
        final java.util.Set<String> seen = new java.util.HashSet<>();
        UUID vehicleId;
        UUID driverId;
        OffsetDateTime startedAt;
        Double sampleRateHz;
        TripSamples samples;
    }

    /** The errors found so far: the first {@code max} listed, the rest counted. */
    static final class Errors {
        private final int max;
        final List<FieldError> listed = new ArrayList<>();
        int unlisted;

        Errors(int max) {
            this.max = max;
        }

        void add(String pointer, String message) {
            if (listed.size() < max) {
                listed.add(new FieldError(pointer, message));
            } else {
                unlisted++;
            }
        }

        boolean isEmpty() {
            return listed.isEmpty() && unlisted == 0;
        }
    }
}
