package io.fleetflow.model.blob;

/**
 * Reads bits most significant first from {@code bytes[from, to)}. Bits past the end read as zero;
 * {@link #checkEnd} tells whether a reader went past it.
 */
final class BitReader {
    private final byte[] bytes;
    private final int from;
    private final int to;
    private long pos; // in bits from `from`

    BitReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
    }

    /** The next 64 bits without consuming them; at least the first 57 are the stream's. */
    long peek() {
        int i = from + (int) (pos >>> 3);
        long w;
        if (i + 8 <= to) {
            w = (long) BlobBytes.BIG_ENDIAN_LONGS.get(bytes, i);
        } else {
            w = 0;
            for (int k = 0; k < 8; k++) {
                w = (w << 8) | (i + k < to ? bytes[i + k] & 0xFF : 0);
            }
        }
        return w << (pos & 7);
    }

    void skip(int n) {
        pos += n;
    }

    /** The next {@code n} bits, {@code n} in [0, 57], as an unsigned number. */
    long read(int n) {
        long v = (peek() >>> (63 - n)) >>> 1;
        pos += n;
        return v;
    }

    /** The next {@code n} bits, {@code n} in [0, 64]. */
    long readLong(int n) {
        if (n > 32) {
            long high = read(n - 32);
            return (high << 32) | read(32);
        }
        return read(n);
    }

    void checkEnd() {
        if (pos > (long) (to - from) * 8) {
            throw new MalformedBlobException("blob bit stream ends early");
        }
    }
}
