package io.fleetflow.model;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Builds a trip's stored blob ({@link TripBlobCodec}'s layout) from the number literals exactly as
 * the device sent them, while the payload is read. Formatting doubles back into text was the
 * largest cost of accepting a small trip; a literal copied as it came denotes the same number, so
 * every reader decodes the same doubles (PostgreSQL keeps JSONB numbers as {@code numeric} anyway,
 * so the stored text was never the writer's).
 */
final class BlobLiterals {

    static final int TIME = 0;
    static final int SPEED = 1;
    static final int G_LONG = 2;
    static final int G_LAT = 3;

    private final StringBuilder[] columns = {
        new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder()
    };

    /** Appends the current number token of {@code p}, as written, to a column. */
    void append(int column, JsonParser p) throws IOException {
        StringBuilder sb = columns[column];
        if (!sb.isEmpty()) {
            sb.append(',');
        }
        sb.append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** The stored blob; {@code t} is written only when the samples carry it. */
    String toBlob(TripSamples samples) {
        StringBuilder sb =
                new StringBuilder(
                        96
                                + columns[0].length()
                                + columns[1].length()
                                + columns[2].length()
                                + columns[3].length());
        sb.append("{\"format\":").append(TripBlobCodec.FORMAT);
        if (samples.sampleRateHz() != null) {
            sb.append(",\"sample_rate_hz\":").append(samples.sampleRateHz().doubleValue());
        }
        if (samples.hasExplicitTime()) {
            sb.append(",\"t\":[").append(columns[TIME]).append(']');
        }
        sb.append(",\"speed_kmh\":[").append(columns[SPEED]).append(']');
        sb.append(",\"g_force_long\":[").append(columns[G_LONG]).append(']');
        sb.append(",\"g_force_lat\":[").append(columns[G_LAT]).append(']');
        return sb.append('}').toString();
    }
}
