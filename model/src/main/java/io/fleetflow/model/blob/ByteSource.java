package io.fleetflow.model.blob;

/**
 * Reads a format 2 blob front to back. Every read checks the bounds: a truncated or corrupt blob
 * ends in a {@link MalformedBlobException}, never in a wrong value read past its end.
 */
final class ByteSource {
    final byte[] bytes;
    private int pos;

    ByteSource(byte[] bytes, int pos) {
        this.bytes = bytes;
        this.pos = pos;
    }

    int position() {
        return pos;
    }

    int read() {
        require(1);
        return bytes[pos++] & 0xFF;
    }

    long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = read();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new MalformedBlobException("blob varint longer than 64 bits");
    }

    /** A varint that must be a count or length in {@code [0, max]}. */
    int count(int max) {
        long v = varint();
        if (v < 0 || v > max) {
            throw new MalformedBlobException("blob count out of range: " + v);
        }
        return (int) v;
    }

    double rawDouble() {
        require(8);
        long bits = (long) BlobBytes.LITTLE_ENDIAN_LONGS.get(bytes, pos);
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    /** Moves past {@code length} bytes, returning where they began. */
    int skip(int length) {
        require(length);
        int from = pos;
        pos += length;
        return from;
    }

    boolean atEnd() {
        return pos == bytes.length;
    }

    private void require(int n) {
        if (n < 0 || pos + n > bytes.length) {
            throw new MalformedBlobException("blob ends early at byte " + pos);
        }
    }
}
