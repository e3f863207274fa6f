package io.fleetflow.model;

import java.nio.charset.StandardCharsets;

/**
 * The fields of one sample, written once for every reader, the validation rules and the stored
 * blob: each field's JSON name, whether a sample must give it, and the values it accepts. The
 * blob's columns carry the same names in this order ({@code t}, then the three measurements).
 */
public enum SampleField {
    /** Milliseconds since the trip started; optional, on every sample or on none. */
    TIME("t", false, ValueRange.notNegative("ms since trip start")),
    /** Ground speed; above 400 km/h no road vehicle goes, so it is a sensor fault. In km/h. */
    SPEED("speed_kmh", true, ValueRange.between(0, 400, "km/h")),
    /** Longitudinal acceleration, forward positive; crash pulses stay below 16 g. In g. */
    G_LONG("g_force_long", true, ValueRange.between(-16, 16, "g")),
    /** Lateral acceleration, left positive; crash pulses stay below 16 g. In g. */
    G_LAT("g_force_lat", true, ValueRange.between(-16, 16, "g"));

    private static final SampleField[] ALL = values();

    /** The {@link #bit()}s of the fields every sample must give. */
    public static final int REQUIRED_BITS = SPEED.bit() | G_LONG.bit() | G_LAT.bit();

    private final String jsonName;
    private final boolean required;
    private final ValueRange range;
    private final byte[] ascii;

    SampleField(String jsonName, boolean required, ValueRange range) {
        this.jsonName = jsonName;
        this.required = required;
        this.range = range;
        this.ascii = jsonName.getBytes(StandardCharsets.US_ASCII);
    }

    public String jsonName() {
        return jsonName;
    }

    /** The field's JSON pointer in sample {@code index} of a payload, e.g. {@code /data/3/t}. */
    public String pointer(int index) {
        return TripField.DATA.pointer() + "/" + index + "/" + jsonName;
    }

    public boolean required() {
        return required;
    }

    /** The values the field accepts ({@code t}: whole milliseconds, checked as such). */
    public ValueRange range() {
        return range;
    }

    /** A bit of its own, for readers that track which fields a sample gave. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Whether {@code bytes[from, to)} is this field's name. */
    public boolean isNamedBy(byte[] bytes, int from, int to) {
        return java.util.Arrays.equals(bytes, from, to, ascii, 0, ascii.length);
    }

    /** The field named by {@code bytes[from, to)}, or {@code null} for a name it does not know. */
    public static SampleField byName(byte[] bytes, int from, int to) {
        for (SampleField f : ALL) {
            if (f.isNamedBy(bytes, from, to)) {
                return f;
            }
        }
        return null;
    }

    /** The field of that name, or {@code null} for a name the format does not know. */
    public static SampleField byName(String name) {
        for (SampleField f : ALL) {
            if (f.jsonName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
