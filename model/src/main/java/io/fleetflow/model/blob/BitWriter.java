package io.fleetflow.model.blob;

/** Writes bits most significant first into a {@link ByteSink}. */
final class BitWriter {
    private final ByteSink out;
    private long pending;
    private int pendingBits;

    BitWriter(ByteSink out) {
        this.out = out;
    }

    /** Writes the low {@code n} bits of {@code value}, {@code n} in [0, 56]. */
    void write(long value, int n) {
        if (n == 0) {
            return;
        }
        pending = (pending << n) | (value & (-1L >>> (64 - n)));
        pendingBits += n;
        while (pendingBits >= 8) {
            pendingBits -= 8;
            out.write((int) (pending >>> pendingBits));
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

    /** Pads the last byte with zero bits. */
    void flush() {
        if (pendingBits > 0) {
            out.write((int) (pending << (8 - pendingBits)));
            pendingBits = 0;
        }
    }
}
