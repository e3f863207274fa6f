package io.fleetflow.model.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fleetflow.model.SampleField;
import io.fleetflow.model.TripField;
import io.fleetflow.model.TripSamples;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The Jackson reader's {@code data} array: each sample checked against the field table ({@link
 * SampleField}: names, required fields, ranges) into {@link SampleColumns}, every problem reported
 * with its pointer. Pointers are built only for errors: a valid sample allocates nothing but its
 * parser tokens. One per read.
 */
final class JsonSamples {
    private final JsonParser p;
    private final int maxSamples;
    private final FieldErrors errors;
    private final SampleColumns columns = new SampleColumns();

    JsonSamples(JsonParser p, int maxSamples, FieldErrors errors) {
        this.p = p;
        this.maxSamples = maxSamples;
        this.errors = errors;
    }

    /** The samples of the array at the parser, or {@code null} with the problems reported. */
    TripSamples read(Double sampleRateHz) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            errors.add(
                    TripField.DATA.pointer(),
                    p.currentToken() == JsonToken.VALUE_NULL
                            ? "must not be null"
                            : "must be an array of samples");
            p.skipChildren();
            return null;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (index >= maxSamples) {
                errors.add(
                        TripField.DATA.pointer(), "must hold at most " + maxSamples + " samples");
                skipRestOfArray();
                return null;
            }
            sample(index);
            index++;
        }
        if (index == 0) {
            errors.add(TripField.DATA.pointer(), "must hold at least one sample");
            return null;
        }
        return columns.finish(sampleRateHz, errors);
    }

    private void skipRestOfArray() throws IOException {
        p.skipChildren();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
    }

    private void sample(int index) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            errors.add(
                    TripField.DATA.pointer() + "/" + index,
                    "must be an object with speed_kmh, g_force_long and g_force_lat");
            p.skipChildren();
            columns.addInvalid();
            return;
        }
        double speed = Double.NaN;
        double gLong = Double.NaN;
        double gLat = Double.NaN;
        double gVert = Double.NaN;
        long t = SampleColumns.NO_TIME;
        // Which known fields appeared (a SampleField bit each); unknown names are remembered only
        // when there are any.
        int given = 0;
        Set<String> others = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            SampleField field = SampleField.byName(name);
            boolean duplicate;
            if (field != null) {
                duplicate = (given & field.bit()) != 0;
                given |= field.bit();
            } else {
                if (others == null) {
                    others = new HashSet<>();
                }
                duplicate = !others.add(name);
            }
            if (duplicate) {
                errors.add(JsonValues.pointer(index, name), TripPayloadReader.DUPLICATE);
                p.skipChildren();
                columns.addInvalid();
            } else if (field == SampleField.TIME) {
                t = time(index);
            } else if (field != null) {
                double value = measurement(field, index);
                switch (field) {
                    case SPEED -> speed = value;
                    case G_LONG -> gLong = value;
                    case G_LAT -> gLat = value;
                    case G_VERT -> gVert = value;
                    case TIME -> throw new IllegalStateException("t is read above");
                }
            } else {
                p.skipChildren();
            }
        }
        for (SampleField required : SampleField.values()) {
            if (required.required() && (given & required.bit()) == 0) {
                errors.add(required.pointer(index), "is required");
            }
        }
        columns.add(
                index,
                (given & SampleField.TIME.bit()) != 0,
                t,
                speed,
                gLong,
                gLat,
                (given & SampleField.G_VERT.bit()) != 0,
                gVert,
                errors);
    }

    /** A value in its field's range with its literal kept, else NaN with the problem reported. */
    private double measurement(SampleField field, int index) throws IOException {
        double value = JsonValues.number(p, index, field.jsonName(), errors);
        if (Double.isNaN(value)) {
            return value;
        }
        String problem = field.range().check(value);
        if (problem != null) {
            errors.add(field.pointer(index), problem);
            return Double.NaN;
        }
        return value;
    }

    /** Milliseconds since trip start, or {@link SampleColumns#NO_TIME} with the error reported. */
    private long time(int index) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            errors.add(
                    SampleField.TIME.pointer(index),
                    token == JsonToken.VALUE_NULL
                            ? "must not be null"
                            : "must be a whole number of ms since trip start");
            p.skipChildren();
            return SampleColumns.NO_TIME;
        }
        if (p.getNumberType() != JsonParser.NumberType.INT
                && p.getNumberType() != JsonParser.NumberType.LONG) {
            errors.add(SampleField.TIME.pointer(index), "is too large");
            return SampleColumns.NO_TIME;
        }
        long t = p.getLongValue();
        String problem = SampleField.TIME.range().check(t);
        if (problem != null) {
            errors.add(SampleField.TIME.pointer(index), problem);
            return SampleColumns.NO_TIME;
        }
        return t;
    }
}
