package io.fleetflow.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The look-ups of one field table ({@link TripField}, {@link SampleField}): a field by its JSON
 * name, given as text or as bytes of a body, and the bits of the fields a reader must see. The
 * names' ASCII bytes are made once here, so the byte-level readers compare a name without
 * allocating.
 */
final class FieldNames<F extends PayloadField> {
    private final F[] fields;
    private final String[] names;
    private final byte[][] ascii;
    private final int requiredBits;

    FieldNames(F[] fields) {
        this.fields = fields;
        this.names = new String[fields.length];
        this.ascii = new byte[fields.length][];
        int bits = 0;
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].jsonName();
            ascii[i] = names[i].getBytes(StandardCharsets.US_ASCII);
            bits |= fields[i].required() ? fields[i].bit() : 0;
        }
        this.requiredBits = bits;
    }

    /** The {@link PayloadField#bit()}s of the required fields. */
    int requiredBits() {
        return requiredBits;
    }

    /** The field named by {@code bytes[from, to)}, or {@code null} for a name it does not know. */
    F byName(byte[] bytes, int from, int to) {
        for (int i = 0; i < ascii.length; i++) {
            if (Arrays.equals(bytes, from, to, ascii[i], 0, ascii[i].length)) {
                return fields[i];
            }
        }
        return null;
    }

    /** The field of that name, or {@code null} for a name the format does not know. */
    F byName(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return fields[i];
            }
        }
        return null;
    }
}
