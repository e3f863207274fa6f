package io.fleetflow.model.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.fleetflow.model.TripField;
import io.fleetflow.model.TripPayload;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads and validates a trip payload in one streaming pass, straight into columnar arrays, so a
 * two-million-sample trip never exists as a tree of objects. Every violation is collected and
 * reported together, each with the JSON pointer of the offending value.
 *
 * <p>Thread-safe: holds only immutable configuration.
 *
 * <p>The names and ranges come from the field table ({@link TripField}, {@link
 * io.fleetflow.model.SampleField}), the rules from {@link PayloadRules}; the samples are read by
 * {@link JsonSamples}, the errors collected by {@link FieldErrors}.
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
        FieldErrors errors = new FieldErrors(limits.maxReportedErrors());
        Fields fields = new Fields();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                errors.add("", "the body must be a JSON object");
                return errors.toResult();
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
                                    new JsonSamples(p, limits.maxSamples(), errors)
                                            .read(fields.sampleRateHz);
                }
            }
            if (p.nextToken() != null) {
                errors.add("", "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            errors.add("", "malformed JSON: " + e.getOriginalMessage() + locationOf(e));
            return errors.toResult();
        }
        for (TripField field : TripField.values()) {
            if (field.required() && !fields.seen.contains(field.jsonName())) {
                errors.add(field.pointer(), "is required");
            }
        }
        if (!errors.isEmpty()) {
            return errors.toResult();
        }
        TripSamples samples = fields.samples;
        if (fields.sampleRateHz != null && samples.sampleRateHz() == null) {
            // "sample_rate_hz" came after "data" in the document.
            samples = samples.withSampleRateHz(fields.sampleRateHz);
        }
        return ReadResult.ok(
                new TripPayload(fields.vehicleId, fields.driverId, fields.startedAt, samples),
                TripBlobCodec.encode(samples));
    }

    private static UUID readUuid(JsonParser p, String pointer, FieldErrors errors)
            throws IOException {
        String text = JsonValues.string(p, pointer, errors);
        if (text == null || !errors.accepts(pointer, PayloadRules.uuid(text))) {
            return null;
        }
        return PayloadRules.parseUuid(text);
    }

    private OffsetDateTime readTimestamp(JsonParser p, FieldErrors errors) throws IOException {
        String pointer = TripField.TIMESTAMP.pointer();
        String text = JsonValues.string(p, pointer, errors);
        if (text == null || !errors.accepts(pointer, PayloadRules.timestampWithZone(text))) {
            return null;
        }
        OffsetDateTime startedAt = OffsetDateTime.parse(text);
        if (!errors.accepts(pointer, PayloadRules.notBeforeEarliestStart(startedAt))
                || !errors.accepts(
                        pointer,
                        PayloadRules.notTooFarInFuture(
                                startedAt, clock.instant(), limits.maxFutureSkew()))) {
            return null;
        }
        return startedAt;
    }

    private static Double readSampleRate(JsonParser p, FieldErrors errors) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null; // optional: null means "not given"
        }
        TripField field = TripField.SAMPLE_RATE_HZ;
        double hz = JsonValues.number(p, -1, field.jsonName(), errors);
        if (Double.isNaN(hz) || !errors.accepts(field.pointer(), field.range().check(hz))) {
            return null;
        }
        return hz;
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
}
