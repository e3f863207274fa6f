package io.fleetflow.model.blob;

import io.fleetflow.model.TripSamples;

/**
 * Format 2 of the stored samples ({@code trip_samples.telemetry_bin}, bytea): a compact binary form
 * that reads back exactly the doubles and times the device sent.
 *
 * <pre>format (1 byte: 2) · flags (1 byte) · sample count n (varint)
 * · sample_rate_hz (8 bytes, raw double; if flagged)
 * · t: none | regular: first (zigzag varint), step (zigzag varint) | else a {@link RiceColumn}
 * · speed_kmh, g_force_long, g_force_lat, g_force_vert (if flagged): each a {@link DecimalColumn}
 * </pre>
 *
 * The first byte can never begin a format 1 blob (JSON text starts with '{' or white space), which
 * is how {@link TripBlobCodec#decode(byte[])} tells them apart.
 */
final class BinaryBlobCodec {

    static final int FORMAT = 2;

    private static final int HAS_RATE = 1;
    private static final int HAS_G_VERT = 2;
    private static final int TIME_REGULAR = 4;
    private static final int TIME_CODED = 8;
    private static final int KNOWN_FLAGS = HAS_RATE | HAS_G_VERT | TIME_REGULAR | TIME_CODED;

    private BinaryBlobCodec() {}

    static byte[] encode(TripSamples samples) {
        int n = samples.size();
        long[] t = samples.rawTimeMs();
        boolean regular = t != null && regular(t);
        int flags =
                (samples.sampleRateHz() != null ? HAS_RATE : 0)
                        | (samples.gForceVert() != null ? HAS_G_VERT : 0)
                        | (t == null ? 0 : regular ? TIME_REGULAR : TIME_CODED);
        ByteSink out = new ByteSink(32 + n * 4);
        out.write(FORMAT);
        out.write(flags);
        out.varint(n);
        if (samples.sampleRateHz() != null) {
            out.rawDouble(samples.sampleRateHz());
        }
        if (regular) {
            out.varint(BlobBytes.zigzag(t.length == 0 ? 0 : t[0]));
            out.varint(BlobBytes.zigzag(t.length < 2 ? 0 : t[1] - t[0]));
        } else if (t != null) {
            RiceColumn.write(t, out);
        }
        DecimalColumn.write(samples.speedKmh(), out);
        DecimalColumn.write(samples.gForceLong(), out);
        DecimalColumn.write(samples.gForceLat(), out);
        if (samples.gForceVert() != null) {
            DecimalColumn.write(samples.gForceVert(), out);
        }
        return out.toArray();
    }

    /** Whether the times advance in exactly equal steps. */
    private static boolean regular(long[] t) {
        if (t.length < 2) {
            return true;
        }
        long step = t[1] - t[0];
        for (int i = 2; i < t.length; i++) {
            if (t[i] - t[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    static TripSamples decode(byte[] blob) {
        ByteSource in = new ByteSource(blob, 0);
        if (in.read() != FORMAT) {
            throw new MalformedBlobException("not a format 2 blob");
        }
        int flags = in.read();
        if ((flags & ~KNOWN_FLAGS) != 0
                || (flags & (TIME_REGULAR | TIME_CODED)) == (TIME_REGULAR | TIME_CODED)) {
            throw new MalformedBlobException("unknown blob flags " + flags);
        }
        // Every sample takes at least a bit in each channel: a larger count is corrupt.
        int n = in.count((blob.length + 1) * 8);
        Double rate = (flags & HAS_RATE) != 0 ? in.rawDouble() : null;
        long[] t = null;
        if ((flags & TIME_REGULAR) != 0) {
            long first = BlobBytes.unzigzag(in.varint());
            long step = BlobBytes.unzigzag(in.varint());
            t = new long[n];
            for (int i = 0; i < n; i++) {
                t[i] = first + i * step;
            }
        } else if ((flags & TIME_CODED) != 0) {
            t = RiceColumn.read(in, n);
        }
        double[] speed = DecimalColumn.read(in, n);
        double[] gLong = DecimalColumn.read(in, n);
        double[] gLat = DecimalColumn.read(in, n);
        double[] gVert = (flags & HAS_G_VERT) != 0 ? DecimalColumn.read(in, n) : null;
        if (!in.atEnd()) {
            throw new MalformedBlobException("blob has bytes after its last channel");
        }
        try {
            return new TripSamples(t, rate, speed, gLong, gLat, gVert);
        } catch (IllegalArgumentException e) {
            throw new MalformedBlobException("unreadable blob: " + e.getMessage(), e);
        }
    }
}
