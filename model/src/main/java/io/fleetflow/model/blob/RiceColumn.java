package io.fleetflow.model.blob;

/**
 * A column of integers (a format 2 blob's time stamps, or a channel's decimal mantissas) in few
 * bits: the values, or their differences, or the differences of those (order 0, 1 or 2, whichever
 * is smallest for this column), zigzag-mapped and Rice-coded in blocks of {@value #BLOCK} with a
 * parameter chosen per block. Arithmetic wraps, so every {@code long} reads back exactly.
 *
 * <pre>order (1 byte) · length of the bit stream in bytes (varint) · bit stream
 * bit stream, per block: a one bit when k is the previous block's, else a zero bit and k (6 bits);
 *             per value: q = z >>> k as q zero bits and a one bit, then the k low bits of z; a
 *             value with q >= {@value #ESCAPE} as {@value #ESCAPE} zero bits, its bit width - 1
 *             (6 bits) and its bits</pre>
 *
 * Rice coding is within ~0.1 bit a value of the entropy of Gaussian-like residuals, which is what
 * sensor noise is; decoding reads a unary quotient with one leading-zero count.
 */
final class RiceColumn {

    static final int BLOCK = 128;

    /** Quotients from this one on are written in full (an outlier costs ~26 bits plus its own). */
    static final int ESCAPE = 20;

    static final int MAX_ORDER = 2;

    /** Largest Rice parameter (it has six bits; larger values escape instead). */
    private static final int MAX_K = 48;

    private RiceColumn() {}

    static void write(long[] values, ByteSink out) {
        int order = cheapestOrder(values);
        long[] zigzag = new long[values.length];
        long previous = 0;
        long previousDifference = 0;
        for (int i = 0; i < values.length; i++) {
            long difference = values[i] - previous;
            long residual =
                    order == 0
                            ? values[i]
                            : order == 1 ? difference : difference - previousDifference;
            zigzag[i] = BlobBytes.zigzag(residual);
            previous = values[i];
            previousDifference = difference;
        }
        out.write(order);
        BitWriter w = new BitWriter(values.length + 16);
        int previousK = -1;
        for (int from = 0; from < zigzag.length; from += BLOCK) {
            int to = Math.min(zigzag.length, from + BLOCK);
            int k = parameter(zigzag, from, to, previousK);
            if (k == previousK) {
                w.write(1, 1);
            } else {
                w.write(k, 7); // a zero bit, then k
                previousK = k;
            }
            long lowBits = ~(-1L << k);
            for (int i = from; i < to; i++) {
                long z = zigzag[i];
                long q = z >>> k;
                if (q < ESCAPE) {
                    int length = (int) q + 1 + k;
                    if (length <= 56) {
                        w.write((1L << k) | (z & lowBits), length);
                    } else {
                        w.write(1, (int) q + 1);
                        w.write(z, k);
                    }
                } else {
                    int width = 64 - Long.numberOfLeadingZeros(z);
                    w.write(0, ESCAPE);
                    w.write(width - 1, 6);
                    w.writeLong(z, width);
                }
            }
        }
        w.finishInto(out);
    }

    /**
     * The order (0: values, 1: differences, 2: differences of differences) whose residuals have the
     * fewest significant bits in all, a close estimate of their Rice-coded size.
     */
    private static int cheapestOrder(long[] values) {
        long[] cost = new long[MAX_ORDER + 1];
        long previous = 0;
        long previousDifference = 0;
        for (long v : values) {
            long difference = v - previous;
            cost[0] += 65 - Long.numberOfLeadingZeros(BlobBytes.zigzag(v));
            cost[1] += 65 - Long.numberOfLeadingZeros(BlobBytes.zigzag(difference));
            cost[2] +=
                    65
                            - Long.numberOfLeadingZeros(
                                    BlobBytes.zigzag(difference - previousDifference));
            previous = v;
            previousDifference = difference;
        }
        int best = 0;
        for (int order = 1; order <= MAX_ORDER; order++) {
            if (cost[order] < cost[best]) {
                best = order;
            }
        }
        return best;
    }

    /**
     * The Rice parameter writing {@code z[from, to)} in the fewest bits (keeping the previous
     * block's saves six), near log2 of the mean.
     */
    private static int parameter(long[] z, int from, int to, int previousK) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += unsigned(z[i]);
        }
        double mean = sum / (to - from);
        int guess = mean < 2 ? 0 : Math.min(MAX_K, (int) (Math.log(mean) / Math.log(2)));
        int best = guess;
        long bestBits = Long.MAX_VALUE;
        for (int k = Math.max(0, guess - 1); k <= Math.min(MAX_K, guess + 1); k++) {
            long bits = k == previousK ? 1 : 7;
            for (int i = from; i < to; i++) {
                long q = z[i] >>> k;
                bits += q < ESCAPE ? q + 1 + k : ESCAPE + 6 + 64 - Long.numberOfLeadingZeros(z[i]);
            }
            if (bits < bestBits) {
                bestBits = bits;
                best = k;
            }
        }
        return best;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2;
    }

    /** Reads a column of {@code n} values written by {@link #write}. */
    static long[] read(ByteSource in, int n) {
        int order = in.read();
        if (order > MAX_ORDER) {
            throw new MalformedBlobException("unknown column order " + order);
        }
        int length = in.count(Integer.MAX_VALUE);
        int from = in.skip(length);
        BitReader bits = new BitReader(in.bytes, from, from + length);
        long[] v = new long[n];
        int k = -1;
        for (int start = 0; start < n; start += BLOCK) {
            if (bits.read(1) == 0) {
                k = (int) bits.read(6);
            } else if (k < 0) {
                throw new MalformedBlobException("first block has no Rice parameter");
            }
            if (k > MAX_K) {
                throw new MalformedBlobException("Rice parameter out of range: " + k);
            }
            int end = Math.min(n, start + BLOCK);
            for (int i = start; i < end; i++) {
                long w = bits.peek();
                int q = Long.numberOfLeadingZeros(w);
                long z;
                if (q < ESCAPE) {
                    int used = q + 1 + k;
                    if (used <= 57) {
                        z = ((long) q << k) | ((w << (q + 1)) >>> (63 - k) >>> 1);
                        bits.skip(used);
                    } else {
                        bits.skip(q + 1);
                        z = ((long) q << k) | bits.read(k);
                    }
                } else {
                    bits.skip(ESCAPE);
                    z = bits.readLong((int) bits.read(6) + 1);
                }
                v[i] = (z >>> 1) ^ -(z & 1);
            }
        }
        bits.checkEnd();
        for (int o = 0; o < order; o++) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[i];
                v[i] = sum;
            }
        }
        return v;
    }
}
