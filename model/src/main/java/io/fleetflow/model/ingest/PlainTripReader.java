package io.fleetflow.model.ingest;

import io.fleetflow.model.SampleField;
import io.fleetflow.model.TripField;
import io.fleetflow.model.TripPayload;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.model.json.JsonByteScanner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads the trip payload devices almost always send — known names only, each once, strings without
 * escapes, plain numbers, every value valid — straight from the body's bytes, without a JSON
 * library. Anything else (an unknown or repeated name, an escape or non-ASCII byte, a value a rule
 * refuses, malformed JSON, a limit reached) makes it decline, and {@link TripPayloadReader} reads
 * the body the general way, which also names every problem. So it accepts only what the general
 * reader accepts, with the same payload and the same stored blob ({@code PlainTripReaderTest} holds
 * it to that on randomly damaged bodies).
 *
 * <p>Tokenizing with Jackson was about four fifths of the gateway's own work for a small trip. The
 * names and ranges come from the field table ({@link TripField}, {@link SampleField}), the rules
 * from {@link PayloadRules}, the columns from {@link SampleColumns}, the byte steps from {@link
 * JsonByteScanner}: what is left here is the payload's grammar.
 */
final class PlainTripReader extends JsonByteScanner {

    /** Longer number literals are left to the general reader (valid values need far fewer). */
    private static final int MAX_NUMBER_LENGTH = 40;

    /** Longer strings are left to the general reader (a UUID or a timestamp needs far fewer). */
    private static final int MAX_STRING_LENGTH = 100;

    private final PayloadLimits limits;
    private final Clock clock;
    private final SampleColumns columns = new SampleColumns();

    /** Where sample problems would go: any at all makes the reader decline. */
    private final FieldErrors errors = new FieldErrors(1);

    private PlainTripReader(byte[] body, PayloadLimits limits, Clock clock) {
        super(body, true); // numbers as Jackson reads them, like the general reader
        this.limits = limits;
        this.clock = clock;
    }

    /** The valid trip in {@code body}, or {@code null} to let the general reader decide. */
    static ReadResult read(byte[] body, PayloadLimits limits, Clock clock) {
        try {
            return new PlainTripReader(body, limits, clock).trip();
        } catch (OffPath declined) {
            return null;
        }
    }

    private ReadResult trip() {
        UUID vehicleId = null;
        UUID driverId = null;
        OffsetDateTime startedAt = null;
        Double sampleRateHz = null;
        int seen = 0;
        expect('{');
        do {
            skipWhitespace();
            TripField field = TripField.byName(s, nameStart(), pos - 1);
            if (field == null || (seen & field.bit()) != 0) {
                throw OFF_PATH; // the general reader skips unknown names and reports repeated ones
            }
            seen |= field.bit();
            expect(':');
            skipWhitespace();
            switch (field) {
                case VEHICLE_ID -> vehicleId = uuid(string());
                case DRIVER_ID -> driverId = uuid(string());
                case TIMESTAMP -> startedAt = timestamp(string());
                case SAMPLE_RATE_HZ -> sampleRateHz = value(TripField.SAMPLE_RATE_HZ.range());
                case DATA -> samples();
            }
        } while (comma('}'));
        skipWhitespace();
        if (pos != n || (seen & TripField.REQUIRED_BITS) != TripField.REQUIRED_BITS) {
            throw OFF_PATH;
        }
        TripSamples samples = columns.finish(sampleRateHz, errors);
        if (samples == null) {
            throw OFF_PATH;
        }
        return ReadResult.ok(
                new TripPayload(vehicleId, driverId, startedAt, samples),
                TripBlobCodec.encode(samples));
    }

    private static UUID uuid(String text) {
        if (PayloadRules.uuid(text) != null) {
            throw OFF_PATH;
        }
        return PayloadRules.parseUuid(text);
    }

    private OffsetDateTime timestamp(String text) {
        OffsetDateTime startedAt;
        try {
            // What PayloadRules.timestampWithZone accepts, parsed once.
            startedAt = OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw OFF_PATH;
        }
        if (PayloadRules.notBeforeEarliestStart(startedAt) != null
                || PayloadRules.notTooFarInFuture(
                                startedAt, clock.instant(), limits.maxFutureSkew())
                        != null) {
            throw OFF_PATH;
        }
        return startedAt;
    }

    private void samples() {
        expect('[');
        int count = 0;
        do {
            if (count == limits.maxSamples()) {
                throw OFF_PATH;
            }
            sample(count++);
        } while (comma(']'));
    }

    private void sample(int index) {
        expect('{');
        int given = 0;
        double kmh = 0;
        double longitudinal = 0;
        double lateral = 0;
        double vertical = Double.NaN;
        long t = SampleColumns.NO_TIME;
        do {
            skipWhitespace();
            SampleField field = SampleField.byName(s, nameStart(), pos - 1);
            if (field == null || (given & field.bit()) != 0) {
                throw OFF_PATH;
            }
            given |= field.bit();
            expect(':');
            skipWhitespace();
            if (field == SampleField.TIME) {
                t = wholeMs();
                continue;
            }
            double value = value(field.range());
            switch (field) {
                case SPEED -> kmh = value;
                case G_LONG -> longitudinal = value;
                case G_LAT -> lateral = value;
                case G_VERT -> vertical = value;
                case TIME -> throw new IllegalStateException("t is read above");
            }
        } while (comma('}'));
        if ((given & SampleField.REQUIRED_BITS) != SampleField.REQUIRED_BITS) {
            throw OFF_PATH;
        }
        boolean hasTime = t != SampleColumns.NO_TIME;
        columns.add(
                index,
                hasTime,
                t,
                kmh,
                longitudinal,
                lateral,
                (given & SampleField.G_VERT.bit()) != 0,
                vertical,
                errors);
        if (!errors.isEmpty()) {
            throw OFF_PATH; // t decreased
        }
    }

    /** A number within {@code range} (so finite). */
    private double value(io.fleetflow.model.ValueRange range) {
        double value = number(MAX_NUMBER_LENGTH);
        if (!range.contains(value)) {
            throw OFF_PATH;
        }
        return value;
    }

    /** A {@code t}: a non-negative integer literal, written without a sign. */
    private long wholeMs() {
        if (peekByte() == '-') {
            throw OFF_PATH;
        }
        return integer();
    }

    /** Reads a plain string (no escape, ASCII) and returns where its content starts. */
    private int nameStart() {
        expect('"');
        int from = pos;
        int c;
        while ((c = next()) != '"') {
            if (c < 0x20 || c == '\\' || c > 0x7e) {
                throw OFF_PATH;
            }
        }
        if (pos - 1 - from > MAX_STRING_LENGTH) {
            throw OFF_PATH;
        }
        return from;
    }

    private String string() {
        int from = nameStart();
        return new String(s, from, pos - 1 - from, StandardCharsets.ISO_8859_1);
    }
}
