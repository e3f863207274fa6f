package io.fleetflow.model;

import java.nio.charset.StandardCharsets;

/**
 * The fields of one sample, named once for every reader and for the stored blob, whose columns
 * carry the same names in this order ({@code t}, then the three measurements). Ranges are checked
 * by the ingest rules (PayloadRules).
 */
public enum SampleField {
    /** Milliseconds since the trip started; optional, on every sample or on none. */
    TIME("t", false),
    /** Ground speed. In km/h. */
    SPEED("speed_kmh", true),
    /** Longitudinal acceleration, forward positive. In g. */
    G_LONG("g_force_long", true),
    /** Lateral acceleration, left positive. In g. */
    G_LAT("g_force_lat", true);

    private static final SampleField[] ALL = values();

    private final String jsonName;
    private final boolean required;
    private final byte[] ascii;

    SampleField(String jsonName, boolean required) {
        this.jsonName = jsonName;
        this.required = required;
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

    /** A bit of its own, for readers that track which fields a sample gave. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Whether {@code bytes[from, to)} is this field's name. */
    public boolean isNamedBy(byte[] bytes, int from, int to) {
        return java.util.Arrays.equals(bytes, from, to, ascii, 0, ascii.length);
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
