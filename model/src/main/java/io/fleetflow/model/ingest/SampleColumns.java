package io.fleetflow.model.ingest;

import io.fleetflow.model.GrowableColumns;
import io.fleetflow.model.SampleField;
import io.fleetflow.model.TripSamples;

/**
 * Collects streamed samples into columns and checks the rules that span samples: {@code t} and
 * {@code g_force_vert} are each given for every sample or for none, and {@code t} never decreases.
 */
final class SampleColumns {
    private final GrowableColumns.Doubles speed = new GrowableColumns.Doubles();
    private final GrowableColumns.Doubles gLong = new GrowableColumns.Doubles();
    private final GrowableColumns.Doubles gLat = new GrowableColumns.Doubles();
    private final GrowableColumns.Doubles gVert = new GrowableColumns.Doubles();
    private final GrowableColumns.Longs time = new GrowableColumns.Longs();
    private int firstWithTime = -1;
    private int firstWithoutTime = -1;
    private int firstWithVert = -1;
    private int firstWithoutVert = -1;
    private long previousTime = NO_TIME;
    private boolean invalid;

    /** The time of a sample whose {@code t} is absent or invalid. */
    static final long NO_TIME = Long.MIN_VALUE;

    /** Records a sample that was not an object at all (its error is already reported). */
    void addInvalid() {
        invalid = true;
    }

    /**
     * Adds one sample; a NaN value or {@link #NO_TIME} marks a field that was missing or invalid
     * (its error is already reported).
     *
     * @param vertGiven whether the sample names {@code g_force_vert} (then {@code gForceVert} is
     *     its value, or NaN when invalid)
     */
    void add(
            int index,
            boolean tGiven,
            long t,
            double speedKmh,
            double gForceLong,
            double gForceLat,
            boolean vertGiven,
            double gForceVert,
            FieldErrors errors) {
        if (vertGiven) {
            if (firstWithVert < 0) {
                firstWithVert = index;
            }
        } else if (firstWithoutVert < 0) {
            firstWithoutVert = index;
        }
        if (tGiven) {
            if (firstWithTime < 0) {
                firstWithTime = index;
            }
        } else if (firstWithoutTime < 0) {
            firstWithoutTime = index;
        }
        if (t != NO_TIME) {
            if (previousTime != NO_TIME) {
                String problem = PayloadRules.timeNonDecreasing(previousTime, t);
                if (problem != null) {
                    errors.add(SampleField.TIME.pointer(index), problem);
                    invalid = true;
                }
            }
            previousTime = t;
        }
        if (Double.isNaN(speedKmh)
                || Double.isNaN(gForceLong)
                || Double.isNaN(gForceLat)
                || (tGiven && t == NO_TIME)
                || (vertGiven && Double.isNaN(gForceVert))
                || invalid) {
            invalid = true;
            return;
        }
        speed.add(speedKmh);
        gLong.add(gForceLong);
        gLat.add(gForceLat);
        if (vertGiven) {
            gVert.add(gForceVert);
        }
        if (t != NO_TIME) {
            time.add(t);
        }
    }

    /** The columns as samples, or {@code null} when any sample was invalid (errors reported). */
    TripSamples finish(Double sampleRateHz, FieldErrors errors) {
        boolean mixed = false;
        if (firstWithTime >= 0 && firstWithoutTime >= 0) {
            errors.add(
                    SampleField.TIME.pointer(firstWithoutTime),
                    allOrNone(SampleField.TIME, firstWithTime));
            mixed = true;
        }
        if (firstWithVert >= 0 && firstWithoutVert >= 0) {
            errors.add(
                    SampleField.G_VERT.pointer(firstWithoutVert),
                    allOrNone(SampleField.G_VERT, firstWithVert));
            mixed = true;
        }
        if (mixed || invalid) {
            return null;
        }
        return new TripSamples(
                firstWithTime >= 0 ? time.toArray() : null,
                sampleRateHz,
                speed.toArray(),
                gLong.toArray(),
                gLat.toArray(),
                firstWithVert >= 0 ? gVert.toArray() : null);
    }

    /** A field that is optional per trip but, once given, required on every sample. */
    private static String allOrNone(SampleField field, int firstWith) {
        return "is required because /data/"
                + firstWith
                + " gives "
                + field.jsonName()
                + ": give "
                + field.jsonName()
                + " for every sample or for none";
    }
}
