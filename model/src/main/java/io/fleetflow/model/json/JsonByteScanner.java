package io.fleetflow.model.json;

import java.nio.charset.StandardCharsets;

/**
 * The byte-level JSON steps the fast readers share (the plain payload reader and the stored blob
 * parser): whitespace, punctuation, numbers and integers read straight from an ASCII byte array.
 * They read only the common shape and give up on anything else by throwing {@link #OFF_PATH} (no
 * stack trace: it is control flow), after which the caller hands the input to a Jackson reader that
 * accepts it or says why not. Subclasses keep their position in {@link #pos}, so the steps stay
 * field accesses on one object and inline into the readers' loops.
 */
public abstract class JsonByteScanner {

    /** Thrown to leave the fast path; carries nothing. */
    protected static final class OffPath extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private OffPath() {
            super(null, null, false, false);
        }
    }

    protected static final OffPath OFF_PATH = new OffPath();

    /** Exact powers of ten: a decimal of at most 15 digits divided by one is correctly rounded. */
    protected static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    protected final byte[] s;
    protected final int n;
    protected int pos;

    /**
     * Whether an integer literal converts from its exact value, as Jackson reads it ({@code -0} is
     * {@code 0.0}); otherwise as {@link Double#parseDouble} reads it ({@code -0} is {@code -0.0}).
     */
    private final boolean integersAsJacksonReads;

    protected JsonByteScanner(byte[] bytes, boolean integersAsJacksonReads) {
        this.s = bytes;
        this.n = bytes.length;
        this.integersAsJacksonReads = integersAsJacksonReads;
    }

    /**
     * A JSON number of at most {@code maxLength} characters after any whitespace. Up to 15
     * significant digits without an exponent it is converted here (mantissa divided by an exact
     * power of ten, which IEEE division rounds correctly); anything longer or with an exponent by
     * {@link Double#parseDouble}, so it may be infinite.
     */
    protected final double number(int maxLength) {
        skipWhitespace();
        int start = pos;
        boolean negative = peekByte() == '-';
        if (negative) {
            pos++;
        }
        int first = pos;
        long mantissa = 0; // beyond 18 digits it overflows, but then the JDK converts the literal
        int digits = 0;
        int c;
        while (isDigit(c = peekByte())) {
            mantissa = mantissa * 10 + (c - '0');
            digits++;
            pos++;
        }
        if (digits == 0 || (digits > 1 && s[first] == '0')) {
            throw OFF_PATH; // no digits, or a leading zero: malformed JSON
        }
        int fraction = 0;
        if (peekByte() == '.') {
            pos++;
            while (isDigit(c = peekByte())) {
                mantissa = mantissa * 10 + (c - '0');
                fraction++;
                pos++;
            }
            if (fraction == 0) {
                throw OFF_PATH;
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
                throw OFF_PATH;
            }
        }
        if (pos - start > maxLength) {
            throw OFF_PATH;
        }
        if (exponent || digits + fraction > 15) {
            return Double.parseDouble(
                    new String(s, start, pos - start, StandardCharsets.ISO_8859_1));
        }
        if (fraction == 0 && integersAsJacksonReads) {
            return negative ? -mantissa : mantissa; // long arithmetic: -0 is 0
        }
        double value = mantissa / POWERS_OF_TEN[fraction];
        return negative ? -value : value;
    }

    /** A JSON integer of at most 18 digits after any whitespace: no fraction, no exponent. */
    protected final long integer() {
        skipWhitespace();
        boolean negative = peekByte() == '-';
        if (negative) {
            pos++;
        }
        int first = pos;
        long value = 0;
        int digits = 0;
        int c;
        while (isDigit(c = peekByte())) {
            value = value * 10 + (c - '0');
            digits++;
            pos++;
        }
        if (digits == 0 || digits > 18 || (digits > 1 && s[first] == '0')) {
            throw OFF_PATH;
        }
        if ((c = peekByte()) == '.' || c == 'e' || c == 'E') {
            throw OFF_PATH;
        }
        return negative ? -value : value;
    }

    /** After a member or element: {@code true} at a comma, {@code false} at {@code close}. */
    protected final boolean comma(char close) {
        skipWhitespace();
        int c = next();
        if (c == ',') {
            return true;
        }
        if (c != close) {
            throw OFF_PATH;
        }
        return false;
    }

    /** Consumes {@code c} after any whitespace. */
    protected final void expect(char c) {
        skipWhitespace();
        if (next() != c) {
            throw OFF_PATH;
        }
    }

    /** The next byte after any whitespace (not consumed), or -1 at the end. */
    protected final int peek() {
        skipWhitespace();
        return peekByte();
    }

    /** The next byte (consumed), or -1 at the end. */
    protected final int next() {
        return pos < n ? s[pos++] : -1;
    }

    /** The next byte (not consumed), or -1 at the end. */
    protected final int peekByte() {
        return pos < n ? s[pos] : -1;
    }

    protected final void skipWhitespace() {
        int c;
        while (pos < n && ((c = s[pos]) == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            pos++;
        }
    }

    protected static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
