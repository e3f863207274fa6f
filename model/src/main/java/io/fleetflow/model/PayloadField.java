package io.fleetflow.model;

/**
 * An entry of the field table, top-level ({@link TripField}) or per sample ({@link SampleField}):
 * what every reader, the validation rules and the blob codec know of a field.
 */
public interface PayloadField {

    /** The field's JSON name, whether a reader must see it, and the values it accepts. */
    record Spec(String jsonName, boolean required, ValueRange range) {}

    Spec spec();

    /** The field's place in its table (an enum's ordinal). */
    int ordinal();

    default String jsonName() {
        return spec().jsonName();
    }

    default boolean required() {
        return spec().required();
    }

    /** The values a numeric field accepts; {@code null} for the others. */
    default ValueRange range() {
        return spec().range();
    }

    /** A bit of its own, for readers that track which fields an object gave. */
    default int bit() {
        return 1 << ordinal();
    }
}
