package io.fleetflow.model.blob;

import com.fasterxml.jackson.core.JsonParser;
import io.fleetflow.model.SampleField;
import io.fleetflow.model.TripField;
import io.fleetflow.model.TripSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a trip's stored blob ({@link TripBlobCodec}'s layout) from the number literals exactly as
 * the device sent them, while the payload is read. Formatting doubles back into text was the
 * largest cost of accepting a small trip; a literal copied as it came denotes the same number, so
 * every reader decodes the same doubles (PostgreSQL keeps JSONB numbers as {@code numeric} anyway,
 * so the stored text was never the writer's). Literals are ASCII, kept as bytes.
 */
public final class BlobLiterals {

    /** One column per sample field, in the blob's order ({@link SampleField#ordinal()}). */
    private final Column[] columns = new Column[SampleField.values().length];

    public BlobLiterals() {
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Column();
        }
    }

    /** Appends the current number token of {@code p}, as written, to a column. */
    public void append(SampleField column, JsonParser p) throws IOException {
        columns[column.ordinal()].append(
                p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** Appends the literal {@code body[from, to)} (ASCII) to a column. */
    public void append(SampleField column, byte[] body, int from, int to) {
        columns[column.ordinal()].append(body, from, to);
    }

    /**
     * The stored blob; {@code t} and {@code g_force_vert} are written only when the samples carry
     * them.
     */
    public String toBlob(TripSamples samples) {
        StringBuilder head =
                new StringBuilder(48)
                        .append("{\"")
                        .append(TripBlobCodec.FORMAT_FIELD)
                        .append("\":")
                        .append(TripBlobCodec.FORMAT);
        if (samples.sampleRateHz() != null) {
            head.append(",\"")
                    .append(TripField.SAMPLE_RATE_HZ.jsonName())
                    .append("\":")
                    .append(samples.sampleRateHz().doubleValue());
        }
        int capacity = head.length() + 20 * columns.length;
        for (Column column : columns) {
            capacity += column.size;
        }
        Blob blob = new Blob(capacity);
        blob.ascii(head);
        for (SampleField field : SampleField.values()) {
            if (TripBlobCodec.stored(field, samples)) {
                blob.ascii(",\"").ascii(field.jsonName()).ascii("\":[");
                blob.column(columns[field.ordinal()]).ascii("]");
            }
        }
        return blob.ascii("}").toString();
    }

    /** One column's literals, comma separated. */
    private static final class Column {
        private byte[] bytes = new byte[1024];
        private int size;

        void append(char[] chars, int offset, int length) {
            ensure(length + 1);
            if (size > 0) {
                bytes[size++] = ',';
            }
            for (int i = 0; i < length; i++) {
                bytes[size++] = (byte) chars[offset + i];
            }
        }

        void append(byte[] body, int from, int to) {
            ensure(to - from + 1);
            if (size > 0) {
                bytes[size++] = ',';
            }
            System.arraycopy(body, from, bytes, size, to - from);
            size += to - from;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** The blob's ASCII bytes, written once into an exactly sized array. */
    private static final class Blob {
        private final byte[] bytes;
        private int size;

        Blob(int capacity) {
            bytes = new byte[capacity];
        }

        Blob ascii(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                bytes[size++] = (byte) text.charAt(i);
            }
            return this;
        }

        Blob column(Column c) {
            System.arraycopy(c.bytes, 0, bytes, size, c.size);
            size += c.size;
            return this;
        }

        @Override
        public String toString() {
            return new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
        }
    }
}
