package io.fleetflow.model;

/**
 * The fields of one sample, written once for every reader, the validation rules and the stored
 * blob: each field's JSON name, whether a sample must give it, and the values it accepts. The
 * blob's columns carry the same names in this order ({@code t}, then the measurements; the optional
 * ones only when the trip gives them).
 */
public enum SampleField implements PayloadField {
    /** Whole milliseconds since the trip started; optional, on every sample or on none. */
    TIME("t", false, ValueRange.notNegative("ms since trip start")),
    /** Ground speed; above 400 km/h no road vehicle goes, so it is a sensor fault. In km/h. */
    SPEED("speed_kmh", true, ValueRange.between(0, 400, "km/h")),
    /** Longitudinal acceleration, forward positive; crash pulses stay below 16 g. In g. */
    G_LONG("g_force_long", true, ValueRange.between(-16, 16, "g")),
    /** Lateral acceleration, left positive; crash pulses stay below 16 g. In g. */
    G_LAT("g_force_lat", true, ValueRange.between(-16, 16, "g")),
    /**
     * Vertical acceleration, up positive, with gravity removed like the other axes: about 0 when
     * the vehicle stands or drives on a level road (not the +1 g a raw accelerometer reads).
     * Optional, on every sample of a trip or on none. In g.
     */
    G_VERT("g_force_vert", false, ValueRange.between(-16, 16, "g"));

    private static final FieldNames<SampleField> NAMES = new FieldNames<>(values());

    /** The {@link #bit()}s of the fields every sample must give. */
    public static final int REQUIRED_BITS = NAMES.requiredBits();

    private final Spec spec;

    SampleField(String jsonName, boolean required, ValueRange range) {
        this.spec = new Spec(jsonName, required, range);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    /** The field's JSON pointer in sample {@code index} of a payload, e.g. {@code /data/3/t}. */
    public String pointer(int index) {
        return TripField.DATA.pointer() + "/" + index + "/" + jsonName();
    }

    /** The field named by {@code bytes[from, to)}, or {@code null} for a name it does not know. */
    public static SampleField byName(byte[] bytes, int from, int to) {
        return NAMES.byName(bytes, from, to);
    }

    /** The field of that name, or {@code null} for a name the format does not know. */
    public static SampleField byName(String name) {
        return NAMES.byName(name);
    }
}
