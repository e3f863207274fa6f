package io.fleetflow.model.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.fleetflow.model.SampleField;
import io.fleetflow.model.TripField;
import io.fleetflow.model.TripPayload;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.BlobLiterals;
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
 *
 * <p>Longer than 300 lines: it names every problem a payload can have, each with its pointer and
 * message (the gateway's 400 answers), for the top-level fields and the samples in one pass; the
 * names come from {@link io.fleetflow.model.TripField} and {@link io.fleetflow.model.SampleField},
 * the rules from {@link PayloadRules}, the columns from {@link SampleColumns}.
 */
public final class TripPayloadReader {

    /** Longest string accepted anywhere in a payload. In characters. */
    public static final int MAX_STRING_LENGTH = 1_000;

    /** Deepest nesting accepted anywhere in a payload (the format itself needs 3). */
    public static final int MAX_NESTING_DEPTH = 32;

    /** The message for a name given twice in one object. */
    static final String DUPLICATE = "is given more than once";

    // Duplicate names are found by the reader itself (a bit per known field) rather than by
    // Jackson's STRICT_DUPLICATE_DETECTION, which builds a hash set for every sample object.
    // Objects inside unknown fields are skipped unread, duplicates there included.
    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
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

    /**
     * Reads one payload held in memory: the plainly written valid trip devices send is read
     * directly from the bytes ({@link PlainTripReader}); anything else as by {@link
     * #read(InputStream)}, whose I/O errors (bytes Jackson cannot decode, e.g. a body that looks
     * like UTF-32 but is not) propagate the same way. Either way the result is the same.
     */
    public ReadResult read(byte[] body) throws IOException {
        ReadResult plain = PlainTripReader.read(body, limits, clock);
        return plain != null ? plain : read(new java.io.ByteArrayInputStream(body));
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
                if (!fields.seen.add(name)) {
                    errors.add("/" + name, DUPLICATE);
                    p.skipChildren();
                    continue;
                }
                TripField field = TripField.byName(name);
                if (field == null) {
                    p.skipChildren();
                    continue;
                }
                switch (field) {
                    case VEHICLE_ID -> fields.vehicleId = readUuid(p, field.pointer(), errors);
                    case DRIVER_ID -> fields.driverId = readUuid(p, field.pointer(), errors);
                    case TIMESTAMP -> fields.startedAt = readTimestamp(p, errors);
                    case SAMPLE_RATE_HZ -> fields.sampleRateHz = readSampleRate(p, errors);
                    case DATA ->
                            fields.samples =
                                    readSamples(p, fields.sampleRateHz, fields.literals, errors);
                }
            }
            if (p.nextToken() != null) {
                errors.add("", "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            errors.add("", "malformed JSON: " + e.getOriginalMessage() + locationOf(e));
            return ReadResult.invalid(errors.listed, errors.unlisted);
        }
        for (TripField field : TripField.values()) {
            if (field.required() && !fields.seen.contains(field.jsonName())) {
                errors.add(field.pointer(), "is required");
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
                new TripPayload(fields.vehicleId, fields.driverId, fields.startedAt, samples),
                fields.literals.toBlob(samples));
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
        String text = readString(p, TripField.TIMESTAMP.pointer(), errors);
        if (text == null) {
            return null;
        }
        String problem = PayloadRules.timestampWithZone(text);
        if (problem != null) {
            errors.add(TripField.TIMESTAMP.pointer(), problem);
            return null;
        }
        OffsetDateTime startedAt = OffsetDateTime.parse(text);
        problem = PayloadRules.notBeforeEarliestStart(startedAt);
        if (problem != null) {
            errors.add(TripField.TIMESTAMP.pointer(), problem);
            return null;
        }
        problem =
                PayloadRules.notTooFarInFuture(startedAt, clock.instant(), limits.maxFutureSkew());
        if (problem != null) {
            errors.add(TripField.TIMESTAMP.pointer(), problem);
            return null;
        }
        return startedAt;
    }

    private static Double readSampleRate(JsonParser p, Errors errors) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null; // optional: null means "not given"
        }
        double hz = readNumber(p, -1, TripField.SAMPLE_RATE_HZ.jsonName(), errors);
        if (Double.isNaN(hz)) {
            return null;
        }
        String problem = PayloadRules.sampleRateInRange(hz);
        if (problem != null) {
            errors.add(TripField.SAMPLE_RATE_HZ.pointer(), problem);
            return null;
        }
        return hz;
    }

    private TripSamples readSamples(
            JsonParser p, Double sampleRateHz, BlobLiterals literals, Errors errors)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            errors.add(
                    TripField.DATA.pointer(),
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
                errors.add(
                        TripField.DATA.pointer(),
                        "must hold at most " + limits.maxSamples() + " samples");
                skipRestOfArray(p);
                return null;
            }
            readSample(p, index, columns, literals, errors);
            index++;
        }
        if (index == 0) {
            errors.add(TripField.DATA.pointer(), "must hold at least one sample");
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

    /**
     * Reads one sample into {@code columns}. Pointers are built only for errors: a valid sample
     * allocates nothing but its parser tokens.
     */
    private static void readSample(
            JsonParser p, int index, SampleColumns columns, BlobLiterals literals, Errors errors)
            throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            errors.add(
                    TripField.DATA.pointer() + "/" + index,
                    "must be an object with speed_kmh, g_force_long and g_force_lat");
            p.skipChildren();
            columns.addInvalid();
            return;
        }
        double speed = Double.NaN;
        double gLong = Double.NaN;
        double gLat = Double.NaN;
        long t = SampleColumns.NO_TIME;
        // Which known fields appeared (a SampleField bit each); unknown names are remembered only
        // when there are any.
        int given = 0;
        java.util.Set<String> others = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            SampleField field = SampleField.byName(name);
            boolean duplicate;
            if (field != null) {
                duplicate = (given & field.bit()) != 0;
                given |= field.bit();
            } else {
                if (others == null) {
                    others = new java.util.HashSet<>();
                }
                duplicate = !others.add(name);
            }
            if (duplicate) {
                errors.add(samplePointer(index, name), DUPLICATE);
                p.skipChildren();
                columns.addInvalid();
                continue;
            }
            if (field == null) {
                p.skipChildren();
                continue;
            }
            switch (field) {
                case SPEED -> {
                    speed =
                            checked(
                                    readNumber(p, index, name, errors),
                                    PayloadRules::speedInRange,
                                    index,
                                    name,
                                    errors);
                    keepLiteral(speed, SampleField.SPEED, p, literals);
                }
                case G_LONG, G_LAT -> {
                    double g =
                            checked(
                                    readNumber(p, index, name, errors),
                                    PayloadRules::gForceInRange,
                                    index,
                                    name,
                                    errors);
                    if (field == SampleField.G_LONG) {
                        gLong = g;
                        keepLiteral(g, SampleField.G_LONG, p, literals);
                    } else {
                        gLat = g;
                        keepLiteral(g, SampleField.G_LAT, p, literals);
                    }
                }
                case TIME -> {
                    t = readTime(p, index, errors);
                    if (t != SampleColumns.NO_TIME) {
                        literals.append(SampleField.TIME, p);
                    }
                }
            }
        }
        for (SampleField required : SampleField.values()) {
            if (required.required() && (given & required.bit()) == 0) {
                errors.add(samplePointer(index, required.jsonName()), "is required");
            }
        }
        columns.add(index, (given & SampleField.TIME.bit()) != 0, t, speed, gLong, gLat, errors);
    }

    /** Keeps a valid value's literal for the stored blob (an invalid trip stores nothing). */
    private static void keepLiteral(
            double value, SampleField column, JsonParser p, BlobLiterals literals)
            throws IOException {
        if (!Double.isNaN(value)) {
            literals.append(column, p);
        }
    }

    /** {@code /data/<index>/<field>}, or {@code /<field>} for a top-level field (index < 0). */
    private static String samplePointer(int index, String field) {
        return index < 0 ? "/" + field : TripField.DATA.pointer() + "/" + index + "/" + field;
    }

    /** The value when {@code rule} accepts it, else NaN with the rule's problem reported. */
    private static double checked(
            double value,
            java.util.function.DoubleFunction<String> rule,
            int index,
            String field,
            Errors errors) {
        if (Double.isNaN(value)) {
            return value;
        }
        String problem = rule.apply(value);
        if (problem != null) {
            errors.add(samplePointer(index, field), problem);
            return Double.NaN;
        }
        return value;
    }

    /** Milliseconds since trip start, or {@link SampleColumns#NO_TIME} with the error reported. */
    private static long readTime(JsonParser p, int index, Errors errors) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            errors.add(
                    samplePointer(index, SampleField.TIME.jsonName()),
                    token == JsonToken.VALUE_NULL
                            ? "must not be null"
                            : "must be a whole number of ms since trip start");
            p.skipChildren();
            return SampleColumns.NO_TIME;
        }
        if (p.getNumberType() != JsonParser.NumberType.INT
                && p.getNumberType() != JsonParser.NumberType.LONG) {
            errors.add(samplePointer(index, SampleField.TIME.jsonName()), "is too large");
            return SampleColumns.NO_TIME;
        }
        long t = p.getLongValue();
        String problem = PayloadRules.timeNotNegative(t);
        if (problem != null) {
            errors.add(samplePointer(index, SampleField.TIME.jsonName()), problem);
            return SampleColumns.NO_TIME;
        }
        return t;
    }

    /** A finite number, or NaN with the error reported (NaN is never a valid value). */
    private static double readNumber(JsonParser p, int index, String field, Errors errors)
            throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            errors.add(
                    samplePointer(index, field),
                    token == JsonToken.VALUE_NULL ? "must not be null" : "must be a number");
            p.skipChildren();
            return Double.NaN;
        }
        double value = p.getDoubleValue();
        String problem = PayloadRules.finite(value);
        if (problem != null) {
            errors.add(samplePointer(index, field), problem);
            return Double.NaN;
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
        final BlobLiterals literals = new BlobLiterals();
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
