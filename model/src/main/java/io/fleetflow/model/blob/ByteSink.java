package io.fleetflow.model.blob;

import java.util.Arrays;

/** A growable byte array for writing a format 2 blob: single bytes, varints, raw doubles. */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] b, int from, int length) {
        ensure(length);
        System.arraycopy(b, from, bytes, size, length);
        size += length;
    }

    /** An unsigned LEB128 varint: seven bits a byte, low bits first. */
    void varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** The double's IEEE 754 bits, little endian: any value, bit for bit. */
    void rawDouble(double d) {
        ensure(8);
        BlobBytes.LITTLE_ENDIAN_LONGS.set(bytes, size, Double.doubleToRawLongBits(d));
        size += 8;
    }

    /** Appends everything written to {@code other}. */
    void append(ByteSink other) {
        write(other.bytes, 0, other.size);
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
