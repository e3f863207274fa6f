package io.fleetflow.model;

import java.nio.charset.StandardCharsets;

/**
 * The top-level fields of a trip payload, written once for every reader, the validation rules, the
 * messages' JSON pointers and the docs: each field's JSON name, whether a payload must give it, and
 * for the numeric one the values it accepts. The samples' own fields are {@link SampleField}.
 */
public enum TripField {
    /** A UUID. */
    VEHICLE_ID("vehicle_id", true, null),
    /** A UUID. */
    DRIVER_ID("driver_id", true, null),
    /** When the trip started: ISO-8601 with a zone offset. */
    TIMESTAMP("timestamp", true, null),
    /** The samples, an array of {@link SampleField} objects. */
    DATA("data", true, null),
    /** Declared sampling rate, used when samples carry no {@code t}. In Hz. */
    SAMPLE_RATE_HZ("sample_rate_hz", false, ValueRange.aboveZeroAtMost(100_000, "Hz"));

    private static final TripField[] ALL = values();

    /** The {@link #bit()}s of the fields every payload must give. */
    public static final int REQUIRED_BITS =
            VEHICLE_ID.bit() | DRIVER_ID.bit() | TIMESTAMP.bit() | DATA.bit();

    private final String jsonName;
    private final boolean required;
    private final ValueRange range;
    private final byte[] ascii;

    TripField(String jsonName, boolean required, ValueRange range) {
        this.jsonName = jsonName;
        this.required = required;
        this.range = range;
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

    /** The values a numeric field accepts; {@code null} for the others. */
    public ValueRange range() {
        return range;
    }

    /** A bit of its own, for readers that track which fields a payload gave. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Whether {@code bytes[from, to)} is this field's name. */
    public boolean isNamedBy(byte[] bytes, int from, int to) {
        return java.util.Arrays.equals(bytes, from, to, ascii, 0, ascii.length);
    }

    /** The field named by {@code bytes[from, to)}, or {@code null} for a name it does not know. */
    public static TripField byName(byte[] bytes, int from, int to) {
        for (TripField f : ALL) {
            if (f.isNamedBy(bytes, from, to)) {
                return f;
            }
        }
        return null;
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
