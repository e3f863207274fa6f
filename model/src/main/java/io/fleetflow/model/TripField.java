package io.fleetflow.model;

import java.nio.charset.StandardCharsets;

/**
 * The top-level fields of a trip payload, named once for every reader, the validation messages'
 * JSON pointers and the docs. The samples' own fields are {@link SampleField}.
 */
public enum TripField {
    VEHICLE_ID("vehicle_id", true),
    DRIVER_ID("driver_id", true),
    /** When the trip started: ISO-8601 with a zone offset. */
    TIMESTAMP("timestamp", true),
    /** The samples, an array of {@link SampleField} objects. */
    DATA("data", true),
    /** Declared sampling rate, used when samples carry no {@code t}. In Hz. */
    SAMPLE_RATE_HZ("sample_rate_hz", false);

    private static final TripField[] ALL = values();

    private final String jsonName;
    private final boolean required;
    private final byte[] ascii;

    TripField(String jsonName, boolean required) {
        this.jsonName = jsonName;
        this.required = required;
        this.ascii = jsonName.getBytes(StandardCharsets.US_ASCII);
    }

    public String jsonName() {
        return jsonName;
    }

    /** The field's JSON pointer in a payload, e.g. {@code /vehicle_id}. */
    public String pointer() {
        return "/" + jsonName;
    }

    public boolean required() {
        return required;
    }

    /** The name as ASCII bytes, for readers that match names without decoding them. */
    public byte[] ascii() {
        return ascii.clone();
    }

    /** Whether {@code bytes[from, to)} is this field's name. */
    public boolean isNamedBy(byte[] bytes, int from, int to) {
        return java.util.Arrays.equals(bytes, from, to, ascii, 0, ascii.length);
    }

    /** The field of that name, or {@code null} for a name the format does not know. */
    public static TripField byName(String name) {
        for (TripField f : ALL) {
            if (f.jsonName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
