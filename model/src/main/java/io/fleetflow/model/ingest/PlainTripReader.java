package io.fleetflow.model.ingest;

import io.fleetflow.model.GrowableColumns;
import io.fleetflow.model.SampleField;
import io.fleetflow.model.TripField;
import io.fleetflow.model.TripPayload;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.BlobLiterals;
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
 * <p>Tokenizing with Jackson was about four fifths of the gateway's own work for a small trip.
 *
 * <p>Longer than 300 lines: one scanner over one byte array with the payload's grammar in its
 * methods (object, sample, number, string); the field names come from {@link
 * io.fleetflow.model.TripField} and {@link io.fleetflow.model.SampleField}, the rules from {@link
 * PayloadRules}, so what is left is the scanning itself, which stays in one place to stay fast.
 */
final class PlainTripReader {

    /** Longer number literals are left to the general reader (valid values need far fewer). */
    private static final int MAX_NUMBER_LENGTH = 40;

    /** Longer strings are left to the general reader (a UUID or a timestamp needs far fewer). */
    private static final int MAX_STRING_LENGTH = 100;

    /** Exact powers of ten: a decimal of at most 15 digits divided by one is correctly rounded. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    // Top-level fields, as bits.
    private static final int VEHICLE = 1;
    private static final int DRIVER = 2;
    private static final int TIMESTAMP = 4;
    private static final int DATA = 8;
    private static final int RATE = 16;
    private static final int REQUIRED = VEHICLE | DRIVER | TIMESTAMP | DATA;

    // Sample fields, as bits.
    private static final int SPEED = 1;
    private static final int G_LONG = 2;
    private static final int G_LAT = 4;
    private static final int TIME = 8;
    private static final int SAMPLE_REQUIRED = SPEED | G_LONG | G_LAT;

    /** Thrown to give up; no stack trace, it is control flow. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private final byte[] s;
    private final int n;
    private final PayloadLimits limits;
    private final Clock clock;
    private int pos;

    // Samples read so far.
    private final GrowableColumns.Doubles speed = new GrowableColumns.Doubles();
    private final GrowableColumns.Doubles gLong = new GrowableColumns.Doubles();
    private final GrowableColumns.Doubles gLat = new GrowableColumns.Doubles();
    private final GrowableColumns.Longs time = new GrowableColumns.Longs();
    private final BlobLiterals literals = new BlobLiterals();
    private boolean samplesHaveTime;
    private long previousTime;

    private PlainTripReader(byte[] body, PayloadLimits limits, Clock clock) {
        this.s = body;
        this.n = body.length;
        this.limits = limits;
        this.clock = clock;
    }

    /** The valid trip in {@code body}, or {@code null} to let the general reader decide. */
    static ReadResult read(byte[] body, PayloadLimits limits, Clock clock) {
        try {
            return new PlainTripReader(body, limits, clock).trip();
        } catch (Decline d) {
            return null;
        }
    }

    private ReadResult trip() {
        UUID vehicleId = null;
        UUID driverId = null;
        OffsetDateTime startedAt = null;
        Double sampleRateHz = null;
        int seen = 0;
        skipWhitespace();
        expect('{');
        while (true) {
            skipWhitespace();
            int field = topLevelName();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if ((seen & field) != 0) {
                throw DECLINE;
            }
            seen |= field;
            switch (field) {
                case VEHICLE -> vehicleId = uuid(string());
                case DRIVER -> driverId = uuid(string());
                case TIMESTAMP -> startedAt = timestamp(string());
                case RATE -> sampleRateHz = sampleRate();
                default -> samples();
            }
            if (endOf('}')) {
                break;
            }
        }
        skipWhitespace();
        if (pos != n || seen != (seen | REQUIRED)) {
            throw DECLINE;
        }
        TripSamples samples =
                new TripSamples(
                        samplesHaveTime ? time.toArray() : null,
                        sampleRateHz,
                        speed.toArray(),
                        gLong.toArray(),
                        gLat.toArray());
        return ReadResult.ok(
                new TripPayload(vehicleId, driverId, startedAt, samples), literals.toBlob(samples));
    }

    private static UUID uuid(String text) {
        if (PayloadRules.uuid(text) != null) {
            throw DECLINE;
        }
        return PayloadRules.parseUuid(text);
    }

    private OffsetDateTime timestamp(String text) {
        OffsetDateTime startedAt;
        try {
            // What PayloadRules.timestampWithZone accepts, parsed once.
            startedAt = OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw DECLINE;
        }
        if (PayloadRules.notBeforeEarliestStart(startedAt) != null
                || PayloadRules.notTooFarInFuture(
                                startedAt, clock.instant(), limits.maxFutureSkew())
                        != null) {
            throw DECLINE;
        }
        return startedAt;
    }

    private Double sampleRate() {
        double hz = number();
        if (PayloadRules.sampleRateInRange(hz) != null) {
            throw DECLINE;
        }
        return hz;
    }

    private void samples() {
        expect('[');
        int count = 0;
        do {
            if (count == limits.maxSamples()) {
                throw DECLINE;
            }
            skipWhitespace();
            sample(count++);
        } while (!endOf(']'));
    }

    /** After a value: {@code true} at {@code close}, {@code false} at a comma, else declines. */
    private boolean endOf(char close) {
        skipWhitespace();
        int c = next();
        if (c == close) {
            return true;
        }
        if (c != ',') {
            throw DECLINE;
        }
        return false;
    }

    private void sample(int index) {
        expect('{');
        int given = 0;
        double kmh = 0;
        double longitudinal = 0;
        double lateral = 0;
        long t = 0;
        int tFrom = 0;
        int tTo = 0;
        do {
            skipWhitespace();
            int field = sampleName();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if ((given & field) != 0) {
                throw DECLINE;
            }
            given |= field;
            int start = pos;
            switch (field) {
                case SPEED -> {
                    kmh = number();
                    if (PayloadRules.speedInRange(kmh) != null) {
                        throw DECLINE;
                    }
                    literals.append(SampleField.SPEED, s, start, pos);
                }
                case G_LONG -> {
                    longitudinal = number();
                    if (PayloadRules.gForceInRange(longitudinal) != null) {
                        throw DECLINE;
                    }
                    literals.append(SampleField.G_LONG, s, start, pos);
                }
                case G_LAT -> {
                    lateral = number();
                    if (PayloadRules.gForceInRange(lateral) != null) {
                        throw DECLINE;
                    }
                    literals.append(SampleField.G_LAT, s, start, pos);
                }
                default -> {
                    t = wholeMs();
                    tFrom = start;
                    tTo = pos;
                }
            }
        } while (!endOf('}'));
        if ((given & SAMPLE_REQUIRED) != SAMPLE_REQUIRED) {
            throw DECLINE;
        }
        boolean hasTime = (given & TIME) != 0;
        if (index == 0) {
            samplesHaveTime = hasTime;
        } else if (hasTime != samplesHaveTime) {
            throw DECLINE;
        }
        if (hasTime) {
            if (index > 0 && PayloadRules.timeNonDecreasing(previousTime, t) != null) {
                throw DECLINE;
            }
            previousTime = t;
            time.add(t);
            literals.append(SampleField.TIME, s, tFrom, tTo);
        }
        speed.add(kmh);
        gLong.add(longitudinal);
        gLat.add(lateral);
    }

    private int topLevelName() {
        int from = nameStart();
        int to = pos - 1;
        if (TripField.VEHICLE_ID.isNamedBy(s, from, to)) {
            return VEHICLE;
        } else if (TripField.DRIVER_ID.isNamedBy(s, from, to)) {
            return DRIVER;
        } else if (TripField.TIMESTAMP.isNamedBy(s, from, to)) {
            return TIMESTAMP;
        } else if (TripField.DATA.isNamedBy(s, from, to)) {
            return DATA;
        } else if (TripField.SAMPLE_RATE_HZ.isNamedBy(s, from, to)) {
            return RATE;
        }
        throw DECLINE; // unknown fields are skipped by the general reader
    }

    private int sampleName() {
        int from = nameStart();
        int to = pos - 1;
        if (SampleField.SPEED.isNamedBy(s, from, to)) {
            return SPEED;
        } else if (SampleField.G_LONG.isNamedBy(s, from, to)) {
            return G_LONG;
        } else if (SampleField.G_LAT.isNamedBy(s, from, to)) {
            return G_LAT;
        } else if (SampleField.TIME.isNamedBy(s, from, to)) {
            return TIME;
        }
        throw DECLINE;
    }

    /** Reads a plain string (no escape, ASCII) and returns where its content starts. */
    private int nameStart() {
        expect('"');
        int from = pos;
        int c;
        while ((c = next()) != '"') {
            if (c < 0x20 || c == '\\' || c > 0x7e) {
                throw DECLINE;
            }
        }
        if (pos - 1 - from > MAX_STRING_LENGTH) {
            throw DECLINE;
        }
        return from;
    }

    private String string() {
        int from = nameStart();
        return new String(s, from, pos - 1 - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * A JSON number, as Jackson reads it to a double: an integer literal converts from its exact
     * value (so {@code -0} is {@code 0.0}), a decimal or exponent literal is correctly rounded.
     */
    private double number() {
        int start = pos;
        boolean negative = peekByte() == '-';
        if (negative) {
            pos++;
        }
        long mantissa = 0;
        int digits = 0;
        int c;
        if (peekByte() == '0') {
            pos++;
            digits = 1;
            if (isDigit(peekByte())) {
                throw DECLINE; // a leading zero is malformed JSON
            }
        } else {
            while (isDigit(c = peekByte())) {
                mantissa = digits < 18 ? mantissa * 10 + (c - '0') : mantissa;
                digits++;
                pos++;
            }
            if (digits == 0) {
                throw DECLINE;
            }
        }
        int fraction = 0;
        if (peekByte() == '.') {
            pos++;
            while (isDigit(c = peekByte())) {
                mantissa = digits + fraction < 18 ? mantissa * 10 + (c - '0') : mantissa;
                fraction++;
                pos++;
            }
            if (fraction == 0) {
                throw DECLINE;
            }
        }
        boolean exponent = (c = peekByte()) == 'e' || c == 'E';
        if (exponent) {
            pos++;
            if ((c = peekByte()) == '+' || c == '-') {
                pos++;
            }
            int exponentDigits = 0;
            while (isDigit(peekByte())) {
                exponentDigits++;
                pos++;
            }
            if (exponentDigits == 0) {
                throw DECLINE;
            }
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw DECLINE;
        }
        if (exponent || digits + fraction > 15) {
            // Rare, so exact rounding is left to the JDK (no integer here can be -0).
            double value =
                    Double.parseDouble(
                            new String(s, start, pos - start, StandardCharsets.ISO_8859_1));
            if (!Double.isFinite(value)) {
                throw DECLINE;
            }
            return value;
        }
        if (fraction == 0) {
            return negative ? -mantissa : mantissa; // long arithmetic: -0 is 0
        }
        // At most 15 digits and an exact power of ten: the quotient is correctly rounded.
        double value = mantissa / POWERS_OF_TEN[fraction];
        return negative ? -value : value;
    }

    /** A {@code t}: a non-negative integer literal. */
    private long wholeMs() {
        long value = 0;
        int digits = 0;
        int c;
        if (peekByte() == '0') {
            pos++;
            if (isDigit(peekByte())) {
                throw DECLINE;
            }
            digits = 1;
        } else {
            while (isDigit(c = peekByte())) {
                value = value * 10 + (c - '0');
                pos++;
                if (++digits > 18) {
                    throw DECLINE;
                }
            }
        }
        c = peekByte();
        if (digits == 0 || c == '.' || c == 'e' || c == 'E') {
            throw DECLINE;
        }
        return value;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void expect(char c) {
        if (next() != c) {
            throw DECLINE;
        }
    }

    /** The next byte (consumed), or -1 at the end. */
    private int next() {
        return pos < n ? s[pos++] : -1;
    }

    /** The next byte (not consumed), or -1 at the end. */
    private int peekByte() {
        return pos < n ? s[pos] : -1;
    }

    private void skipWhitespace() {
        int c;
        while (pos < n && ((c = s[pos]) == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            pos++;
        }
    }
}
