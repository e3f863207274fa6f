package io.fleetflow.model.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fleetflow.model.TripField;
import java.io.IOException;

/**
 * The Jackson reader's single values: the current token of a parser read as a string or a finite
 * number, or the problem reported with the value's JSON pointer, which is built only then.
 */
final class JsonValues {
    private JsonValues() {}

    /** The current string, or {@code null} with the error reported. */
    static String string(JsonParser p, String pointer, FieldErrors errors) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_STRING) {
            errors.add(
                    pointer,
                    token == JsonToken.VALUE_NULL ? "must not be null" : "must be a string");
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    /**
     * The current finite number, or NaN with the error reported (NaN is never a valid value) at
     * {@link #pointer}{@code (index, field)}.
     */
    static double number(JsonParser p, int index, String field, FieldErrors errors)
            throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            errors.add(
                    pointer(index, field),
                    token == JsonToken.VALUE_NULL ? "must not be null" : "must be a number");
            p.skipChildren();
            return Double.NaN;
        }
        double value = p.getDoubleValue();
        String problem = PayloadRules.finite(value);
        if (problem != null) {
            errors.add(pointer(index, field), problem);
            return Double.NaN;
        }
        return value;
    }

    /** {@code /data/<index>/<field>}, or {@code /<field>} for a top-level field (index < 0). */
    static String pointer(int index, String field) {
        return index < 0 ? "/" + field : TripField.DATA.pointer() + "/" + index + "/" + field;
    }
}
