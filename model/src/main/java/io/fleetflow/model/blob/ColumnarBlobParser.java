package io.fleetflow.model.blob;

import io.fleetflow.model.SampleField;
import io.fleetflow.model.TripField;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.json.JsonByteScanner;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 *
 * <p>The steps it shares with the payload reader (whitespace, punctuation, one number at a time)
 * are {@link JsonByteScanner}'s; the column loop here reads most numbers eight bytes at a time.
 */
final class ColumnarBlobParser extends JsonByteScanner {

    /** Exact powers of ten as integers, to append up to seven fraction digits to a mantissa. */
    private static final long[] LONG_POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L
    };

    /** Eight bytes of the blob at any offset, the first in the lowest bits. */
    private static final VarHandle WORDS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Initial size of the next column: the length of the last one read. */
    private int capacity = 256;

    private ColumnarBlobParser(byte[] blob) {
        super(blob, false); // numbers as Double.parseDouble reads them: -0 is -0.0
    }

    /** The samples, or {@code null} when the value must go through the general reader. */
    static TripSamples parse(String blob) {
        // One Latin-1 byte per char: a copy of a compact string, and byte reads are cheaper than
        // charAt. Characters beyond Latin-1 become '?', which can only end the fast path.
        return parse(blob.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The samples from the blob's UTF-8 (or Latin-1) bytes, or {@code null} when the value must go
     * through the general reader. The fast path is pure ASCII: any other byte ends it.
     */
    static TripSamples parse(byte[] blob) {
        try {
            return new ColumnarBlobParser(blob).blob();
        } catch (OffPath | IllegalArgumentException | IndexOutOfBoundsException e) {
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
        double[] gVert = null;
        expect('{');
        if (peek() != '}') {
            do {
                String name = key();
                expect(':');
                SampleField column = SampleField.byName(name);
                if (column == SampleField.TIME) {
                    t = longs();
                } else if (column != null) {
                    double[] values = doubles();
                    switch (column) {
                        case SPEED -> speed = values;
                        case G_LONG -> gLong = values;
                        case G_LAT -> gLat = values;
                        case G_VERT -> gVert = values;
                        case TIME -> throw OFF_PATH; // read above
                    }
                } else if (name.equals(TripBlobCodec.FORMAT_FIELD)) {
                    format = (int) integer();
                } else if (name.equals(TripField.SAMPLE_RATE_HZ.jsonName())) {
                    rate = number(TripBlobCodec.MAX_NUMBER_LENGTH);
                } else {
                    throw OFF_PATH;
                }
            } while (comma('}'));
        } else {
            pos++;
        }
        skipWhitespace();
        if (pos != n || format != TripBlobCodec.JSON_FORMAT) {
            throw OFF_PATH;
        }
        if (speed == null || gLong == null || gLat == null) {
            throw OFF_PATH;
        }
        return new TripSamples(t, rate, speed, gLong, gLat, gVert);
    }

    private String key() {
        expect('"');
        int start = pos;
        while (s[pos] != '"') {
            if (s[pos] == '\\') {
                throw OFF_PATH;
            }
            pos++;
        }
        return new String(s, start, pos++ - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * A column of numbers, the hot loop of the job's decoding. It keeps its position in a local and
     * steps over whitespace and separators itself: going through {@link #skipWhitespace} and {@link
     * #comma} (field position, bounds checks) measured 20–30 % slower in BlobParseBenchmark. A
     * number with room behind it (16 bytes; all but the last few of a blob) is read eight bytes at
     * a time: the count of leading digits and their value come from bit arithmetic on one
     * little-endian word, so the loop does not branch on each digit and a number's length is never
     * mispredicted. Anything off that path (exponents, more than 15 significant digits, the end of
     * the blob) goes through {@link #number(int)}, which reads the same numbers one byte at a time.
     */
    private double[] doubles() {
        expect('[');
        if (peek() == ']') {
            pos++;
            return new double[0];
        }
        final byte[] b = s;
        final int wordEnd = n - 16;
        double[] column = new double[capacity];
        int size = 0;
        int p = pos;
        while (true) {
            int c = b[p];
            while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                c = b[++p];
            }
            int start = p;
            double value = Double.NaN;
            boolean fast = false;
            if (p <= wordEnd) {
                long negative = c == '-' ? 1 : 0;
                p += (int) negative;
                long word = (long) WORDS.get(b, p);
                int digits = leadingDigits(word);
                if (digits > 0 && digits < 8 && (digits == 1 || (word & 0xFF) != '0')) {
                    long mantissa = digitsValue(word, digits);
                    p += digits;
                    c = b[p];
                    int fraction = 0;
                    if (c == '.') {
                        long fractionWord = (long) WORDS.get(b, p + 1);
                        fraction = leadingDigits(fractionWord);
                        if (fraction > 0 && fraction < 8) {
                            mantissa =
                                    mantissa * LONG_POWERS_OF_TEN[fraction]
                                            + digitsValue(fractionWord, fraction);
                            p += 1 + fraction;
                            c = b[p];
                        } else {
                            fraction = -1;
                        }
                    }
                    if (fraction >= 0 && digits + fraction <= 15 && c != 'e' && c != 'E') {
                        double magnitude = mantissa / POWERS_OF_TEN[fraction];
                        value =
                                Double.longBitsToDouble(
                                        Double.doubleToRawLongBits(magnitude) | negative << 63);
                        fast = true;
                    }
                }
            }
            if (!fast) {
                pos = start;
                value = number(TripBlobCodec.MAX_NUMBER_LENGTH);
                p = pos;
                c = b[p];
            }
            if (size == column.length) {
                column = Arrays.copyOf(column, Math.max(16, size * 2));
            }
            column[size++] = value;
            if (!nextElement(p)) {
                break;
            }
            p = pos;
        }
        return sized(column, size);
    }

    /**
     * After a column's element ending before {@code p}: moves {@link #pos} past the ',' that
     * follows and returns true, or past the closing ']' and returns false.
     */
    private boolean nextElement(int p) {
        int c = s[p];
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            c = s[++p];
        }
        pos = p + 1;
        if (c == ',') {
            return true;
        }
        if (c == ']') {
            return false;
        }
        throw OFF_PATH;
    }

    /**
     * How many of the eight bytes of {@code word} (the first byte in the lowest bits) are ASCII
     * digits before the first that is not; 8 when all are. A byte below '0' sets its top bit in the
     * subtraction, one above '9' in the addition; a borrow or carry only ever starts at a byte that
     * is not a digit, so it cannot change the bytes before the first such byte.
     */
    static int leadingDigits(long word) {
        long notDigit =
                ((word - 0x3030303030303030L) | (word + 0x4646464646464646L)) & 0x8080808080808080L;
        return Long.numberOfTrailingZeros(notDigit) >>> 3;
    }

    /**
     * The value of the first {@code count} (1 to 8) digits of {@code word}: they are shifted to the
     * top, so the bytes below become leading zeros, and combined pairwise (D. Lemire, "Faster
     * integer parsing", 2018).
     */
    static long digitsValue(long word, int count) {
        long v = (word & 0x0F0F0F0F0F0F0F0FL) << (64 - 8 * count);
        v = (v * 2561) >>> 8;
        v = ((v & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
        return ((v & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32;
    }

    /**
     * A column of integers (sample times): one of four columns, read with {@link #integer()}; the
     * copy of the loop with a local position measured no faster here.
     */
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
}
