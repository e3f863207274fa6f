package io.fleetflow.model.blob;

import java.util.Arrays;

/** Writes bits most significant first into its own growing byte array. */
final class BitWriter {
    private byte[] bytes;
    private int size;
    private long pending;
    private int pendingBits;

    BitWriter(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** Writes the low {@code n} bits of {@code value}, {@code n} in [0, 56]. */
    void write(long value, int n) {
        pending = (pending << n) | (value & ~(-1L << n));
        pendingBits += n;
        if (pendingBits >= 8) {
            if (size + 8 > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            do {
                pendingBits -= 8;
                bytes[size++] = (byte) (pending >>> pendingBits);
            } while (pendingBits >= 8);
        }
    }

    /** Writes the low {@code n} bits of {@code value}, {@code n} in [0, 64]. */
    void writeLong(long value, int n) {
        if (n > 32) {
            write(value >>> 32, n - 32);
            write(value, 32);
        } else {
            write(value, n);
        }
    }

    /** Pads the last byte with zero bits and appends the stream's length (varint) and bytes. */
    void finishInto(ByteSink out) {
        if (pendingBits > 0) {
            write(0, 8 - pendingBits);
        }
        out.varint(size);
        out.write(bytes, 0, size);
    }
}
