package io.fleetflow.model.blob;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.fleetflow.model.GrowableColumns;
import io.fleetflow.model.SampleField;
import io.fleetflow.model.TripField;
import io.fleetflow.model.TripSamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The stored form of a trip's samples, and the one place that decides how a stored blob is read.
 *
 * <p><b>Format 2</b> (written for every new trip since issue 21, {@code
 * trip_samples.telemetry_bin}, bytea; {@link BinaryBlobCodec}): binary, each channel at the decimal
 * precision the device sent it (integer mantissas, Rice-coded differences) and a regular {@code t}
 * as a start and a step; about 4 bytes a sample instead of 10–12 (docs/benchmarks.md, "Bytes per
 * sample"). It reads back exactly the doubles and times that were written, as format 1 does.
 *
 * <p><b>Format 1</b> ({@code trip_samples.telemetry_blob}, JSONB; rows stored before format 2 keep
 * it, nothing rewrites them): one JSON array per channel instead of one object per sample.
 *
 * <pre>{"format": 1, "sample_rate_hz": 10.0, "t": [...], "speed_kmh": [...],
 *  "g_force_long": [...], "g_force_lat": [...], "g_force_vert": [...]}</pre>
 *
 * {@code sample_rate_hz}, {@code t} and {@code g_force_vert} appear only when the device sent them.
 * {@code g_force_vert} came later as an optional column of the same format 1: a blob without it
 * (every blob stored before it) reads as samples without the vertical axis, and a reader from
 * before it skips the column (its general reader ignores unknown members), so neither side needs to
 * know the other's version.
 *
 * <p>Readers fetch whichever column a row has as bytes ({@code SamplePartitions.STORED_BLOB}) and
 * call {@link #decode(byte[])}: a leading byte {@value BinaryBlobCodec#FORMAT} is format 2, JSON
 * text is format 1.
 */
public final class TripBlobCodec {

    /** Version of the layout new trips are stored in. */
    public static final int FORMAT = BinaryBlobCodec.FORMAT;

    /** Version of the JSON layout, written as its {@code format} member. */
    public static final int JSON_FORMAT = 1;

    /** The blob's own field naming its layout version. */
    static final String FORMAT_FIELD = "format";

    /**
     * Longest number literal accepted in a blob. In characters. PostgreSQL stores JSONB numbers as
     * {@code numeric} and prints them without an exponent, so a tiny but valid value such as {@code
     * 1e-300} comes back as 300 digits; every finite double fits in 400.
     */
    static final int MAX_NUMBER_LENGTH = 400;

    // Fast (Schubfach) number writing and (FastDoubleParser) reading: both exact, so a value reads
    // back bit for bit; the JDK's Double.toString of 17 is several times slower.
    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNumberLength(MAX_NUMBER_LENGTH)
                                    .build())
                    .build();

    private TripBlobCodec() {}

    /** The samples in format 2, as new trips are stored. */
    public static byte[] encode(TripSamples samples) {
        return BinaryBlobCodec.encode(samples);
    }

    /** The samples in format 1 (JSON), as trips were stored before format 2. */
    public static String encodeJson(TripSamples samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + samples.size() * 32);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField(FORMAT_FIELD, JSON_FORMAT);
            if (samples.sampleRateHz() != null) {
                g.writeNumberField(TripField.SAMPLE_RATE_HZ.jsonName(), samples.sampleRateHz());
            }
            if (samples.hasExplicitTime()) {
                long[] t = samples.rawTimeMs();
                g.writeArrayFieldStart(SampleField.TIME.jsonName());
                for (long v : t) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
            }
            writeColumn(g, SampleField.SPEED.jsonName(), samples.speedKmh());
            writeColumn(g, SampleField.G_LONG.jsonName(), samples.gForceLong());
            writeColumn(g, SampleField.G_LAT.jsonName(), samples.gForceLat());
            if (samples.gForceVert() != null) {
                writeColumn(g, SampleField.G_VERT.jsonName(), samples.gForceVert());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads a format 1 blob's text: the usual layout through {@link ColumnarBlobParser}, anything
     * else through Jackson.
     *
     * @throws MalformedBlobException when the value is not a blob of a known format
     */
    public static TripSamples decode(String blob) {
        TripSamples fast = ColumnarBlobParser.parse(blob);
        return fast != null ? fast : decodeWithJackson(blob);
    }

    /**
     * Reads a stored blob of either format from its bytes as the database sends them: a format 2
     * blob, or a format 1 blob's UTF-8 text (no string decoded first).
     *
     * @throws MalformedBlobException when the value is not a blob of a known format
     */
    public static TripSamples decode(byte[] stored) {
        if (stored.length > 0 && stored[0] == BinaryBlobCodec.FORMAT) {
            return BinaryBlobCodec.decode(stored);
        }
        return decodeJson(stored);
    }

    private static TripSamples decodeJson(byte[] utf8) {
        TripSamples fast = ColumnarBlobParser.parse(utf8);
        if (fast != null) {
            return fast;
        }
        try {
            return decodeWithJackson(JSON.createParser(utf8));
        } catch (IOException e) {
            throw new MalformedBlobException("unreadable blob: " + e.getMessage(), e);
        }
    }

    /** The general reader: accepts any valid JSON form of the layout and explains rejections. */
    public static TripSamples decodeWithJackson(String blob) {
        try {
            return decodeWithJackson(JSON.createParser(blob));
        } catch (IOException e) {
            throw new MalformedBlobException("unreadable blob: " + e.getMessage(), e);
        }
    }

    private static TripSamples decodeWithJackson(JsonParser parser) {
        try (JsonParser p = parser) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedBlobException("blob is not a JSON object");
            }
            Integer format = null;
            Double rate = null;
            long[] t = null;
            double[] speed = null;
            double[] gLong = null;
            double[] gLat = null;
            double[] gVert = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                SampleField column = SampleField.byName(name);
                if (column == SampleField.TIME) {
                    t = readLongs(p);
                } else if (column != null) {
                    double[] values = readDoubles(p);
                    switch (column) {
                        case SPEED -> speed = values;
                        case G_LONG -> gLong = values;
                        case G_LAT -> gLat = values;
                        case G_VERT -> gVert = values;
                        case TIME -> throw new IllegalStateException("t is read above");
                    }
                } else if (name.equals(FORMAT_FIELD)) {
                    format = p.getIntValue();
                } else if (name.equals(TripField.SAMPLE_RATE_HZ.jsonName())) {
                    rate = p.getDoubleValue();
                } else {
                    p.skipChildren();
                }
            }
            if (format == null || format != JSON_FORMAT) {
                throw new MalformedBlobException("unknown blob format " + format);
            }
            if (speed == null || gLong == null || gLat == null) {
                throw new MalformedBlobException("blob lacks a sample channel");
            }
            return new TripSamples(t, rate, speed, gLong, gLat, gVert);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedBlobException("unreadable blob: " + e.getMessage(), e);
        }
    }

    private static void writeColumn(JsonGenerator g, String name, double[] values)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (double v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private static double[] readDoubles(JsonParser p) throws IOException {
        expectArray(p);
        GrowableColumns.Doubles column = new GrowableColumns.Doubles();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            column.add(p.getDoubleValue());
        }
        return column.toArray();
    }

    private static long[] readLongs(JsonParser p) throws IOException {
        expectArray(p);
        GrowableColumns.Longs column = new GrowableColumns.Longs();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            column.add(p.getLongValue());
        }
        return column.toArray();
    }

    private static void expectArray(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedBlobException(
                    "blob channel " + p.currentName() + " is not an array");
        }
    }
}
