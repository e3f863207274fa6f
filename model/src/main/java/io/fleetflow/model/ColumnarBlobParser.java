package io.fleetflow.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hand-written reader for the stored blob layout ({@link TripBlobCodec}): one object whose
 * members are the numeric channel arrays, in any order and with any JSON whitespace (PostgreSQL's
 * JSONB output reorders keys and adds spaces). Numbers go straight from characters into primitive
 * arrays, using the exact fast path (mantissa below 2^53 divided by an exact power of ten, which
 * IEEE division rounds correctly) and {@link Double#parseDouble} for anything longer.
 *
 * <p>It is strict on purpose: anything outside that shape — escapes, unknown members, nesting,
 * numbers Jackson would reject, trailing content — makes {@link #parse} return {@code null}, and
 * the caller falls back to the Jackson reader, which then accepts the value or explains why not.
 */
final class ColumnarBlobParser {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    /** Thrown internally when the input leaves the fast path; never escapes {@link #parse}. */
    private static final class NotFastPath extends RuntimeException {
        NotFastPath() {
            super(null, null, false, false);
        }
    }

    private static final NotFastPath NOT_FAST_PATH = new NotFastPath();

    private final byte[] s;
    private final int n;
    private int pos;

    /** Initial size of the next column: the length of the last one read. */
    private int capacity = 256;

    private ColumnarBlobParser(String blob) {
        // One Latin-1 byte per char: a copy of a compact string, and byte reads are cheaper than
        // charAt. Characters beyond Latin-1 become '?', which can only end the fast path.
        this.s = blob.getBytes(StandardCharsets.ISO_8859_1);
        this.n = s.length;
    }

    /** The samples, or {@code null} when the value must go through the general reader. */
    static TripSamples parse(String blob) {
        try {
            return new ColumnarBlobParser(blob).blob();
        } catch (NotFastPath | IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private TripSamples blob() {
        int format = -1;
        Double rate = null;
        long[] t = null;
        double[] speed = null;
        double[] gLong = null;
        double[] gLat = null;
        expect('{');
        if (peek() != '}') {
            do {
                String name = key();
                expect(':');
                switch (name) {
                    case "format" -> format = (int) integer();
                    case "sample_rate_hz" -> rate = number();
                    case "t" -> t = longs();
                    case "speed_kmh" -> speed = doubles();
                    case "g_force_long" -> gLong = doubles();
                    case "g_force_lat" -> gLat = doubles();
                    default -> throw NOT_FAST_PATH;
                }
            } while (comma('}'));
        } else {
            pos++;
        }
        skipWhitespace();
        if (pos != n || format != TripBlobCodec.FORMAT) {
            throw NOT_FAST_PATH;
        }
        if (speed == null || gLong == null || gLat == null) {
            throw NOT_FAST_PATH;
        }
        return new TripSamples(t, rate, speed, gLong, gLat);
    }

    private String key() {
        expect('"');
        int start = pos;
        while (s[pos] != '"') {
            if (s[pos] == '\\') {
                throw NOT_FAST_PATH;
            }
            pos++;
        }
        return new String(s, start, pos++ - start, StandardCharsets.ISO_8859_1);
    }

    private double[] doubles() {
        expect('[');
        double[] column = new double[capacity];
        int size = 0;
        if (peek() == ']') {
            pos++;
            return new double[0];
        }
        do {
            if (size == column.length) {
                column = Arrays.copyOf(column, Math.max(16, size * 2));
            }
            column[size++] = number();
        } while (comma(']'));
        return sized(column, size);
    }

    private long[] longs() {
        expect('[');
        long[] column = new long[capacity];
        int size = 0;
        if (peek() == ']') {
            pos++;
            return new long[0];
        }
        do {
            if (size == column.length) {
                column = Arrays.copyOf(column, Math.max(16, size * 2));
            }
            column[size++] = integer();
        } while (comma(']'));
        capacity = size;
        return size == column.length ? column : Arrays.copyOf(column, size);
    }

    /** Trims the column and sizes the next ones like it: all channels have the same length. */
    private double[] sized(double[] column, int size) {
        capacity = size;
        return size == column.length ? column : Arrays.copyOf(column, size);
    }

    /** After a member or element: true at a comma, false at {@code close}. */
    private boolean comma(char close) {
        char c = peek();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        throw NOT_FAST_PATH;
    }

    private long integer() {
        skipWhitespace();
        int start = pos;
        boolean negative = s[pos] == '-';
        if (negative) {
            pos++;
        }
        long value = 0;
        int digits = 0;
        int first = pos;
        int c;
        while (pos < n && (c = s[pos]) >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            digits++;
            pos++;
        }
        if (digits == 0 || digits > 18 || (digits > 1 && s[first] == '0')) {
            throw NOT_FAST_PATH;
        }
        if (pos < n && ((c = s[pos]) == '.' || c == 'e' || c == 'E')) {
            throw NOT_FAST_PATH;
        }
        checkLength(start);
        return negative ? -value : value;
    }

    private double number() {
        skipWhitespace();
        int start = pos;
        boolean negative = s[pos] == '-';
        if (negative) {
            pos++;
        }
        long mantissa = 0;
        int digits = 0;
        int first = pos;
        int c = 0;
        while (pos < n && (c = s[pos]) >= '0' && c <= '9') {
            mantissa = mantissa * 10 + (c - '0');
            digits++;
            pos++;
        }
        if (digits == 0 || (digits > 1 && s[first] == '0')) {
            throw NOT_FAST_PATH;
        }
        int fraction = 0;
        if (pos < n && s[pos] == '.') {
            pos++;
            while (pos < n && (c = s[pos]) >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                fraction++;
                pos++;
            }
            if (fraction == 0) {
                throw NOT_FAST_PATH;
            }
        }
        if (pos < n && ((c = s[pos]) == 'e' || c == 'E')) {
            pos++;
            if (pos < n && (s[pos] == '+' || s[pos] == '-')) {
                pos++;
            }
            int expDigits = 0;
            while (pos < n && (c = s[pos]) >= '0' && c <= '9') {
                expDigits++;
                pos++;
            }
            if (expDigits == 0) {
                throw NOT_FAST_PATH;
            }
            checkLength(start);
            return Double.parseDouble(
                    new String(s, start, pos - start, StandardCharsets.ISO_8859_1));
        }
        checkLength(start);
        if (digits + fraction > 15 || fraction >= POWERS_OF_TEN.length) {
            return Double.parseDouble(
                    new String(s, start, pos - start, StandardCharsets.ISO_8859_1));
        }
        double value = fraction == 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
        return negative ? -value : value;
    }

    /** Jackson refuses numbers longer than this (see {@link TripBlobCodec}); so do we. */
    private void checkLength(int start) {
        if (pos - start > TripBlobCodec.MAX_NUMBER_LENGTH) {
            throw NOT_FAST_PATH;
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw NOT_FAST_PATH;
        }
        pos++;
    }

    /** The next non-whitespace character, without consuming it. */
    private char peek() {
        skipWhitespace();
        return (char) s[pos];
    }

    private void skipWhitespace() {
        int c;
        while (pos < n && ((c = s[pos]) == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            pos++;
        }
    }
}
