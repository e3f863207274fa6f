package io.fleetflow.model;

/**
 * The top-level fields of a trip payload, written once for every reader, the validation rules, the
 * messages' JSON pointers and the docs: each field's JSON name, whether a payload must give it, and
 * for the numeric one the values it accepts. The samples' own fields are {@link SampleField}.
 */
public enum TripField implements PayloadField {
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

    private static final FieldNames<TripField> NAMES = new FieldNames<>(values());

    /** The {@link #bit()}s of the fields every payload must give. */
    public static final int REQUIRED_BITS = NAMES.requiredBits();

    private final Spec spec;

    TripField(String jsonName, boolean required, ValueRange range) {
        this.spec = new Spec(jsonName, required, range);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    /** The field's JSON pointer in a payload, e.g. {@code /vehicle_id}. */
    public String pointer() {
        return "/" + jsonName();
    }

    /** The field named by {@code bytes[from, to)}, or {@code null} for a name it does not know. */
    public static TripField byName(byte[] bytes, int from, int to) {
        return NAMES.byName(bytes, from, to);
    }

    /** The field of that name, or {@code null} for a name the format does not know. */
    public static TripField byName(String name) {
        return NAMES.byName(name);
    }
}
