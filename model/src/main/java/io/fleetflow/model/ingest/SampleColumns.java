package io.fleetflow.model.ingest;

import io.fleetflow.model.GrowableColumns;
import io.fleetflow.model.SampleField;
import io.fleetflow.model.TripSamples;

/**
 * Collects streamed samples into columns and checks the rules that span samples: {@code t} is given
 * for every sample or for none, and never decreases.
 */
final class SampleColumns {
    private final GrowableColumns.Doubles speed = new GrowableColumns.Doubles();
    private final GrowableColumns.Doubles gLong = new GrowableColumns.Doubles();
    private final GrowableColumns.Doubles gLat = new GrowableColumns.Doubles();
    private final GrowableColumns.Longs time = new GrowableColumns.Longs();
    private int firstWithTime = -1;
    private int firstWithoutTime = -1;
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
     */
    void add(
            int index,
            boolean tGiven,
            long t,
            double speedKmh,
            double gForceLong,
            double gForceLat,
            FieldErrors errors) {
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
                || invalid) {
            invalid = true;
            return;
        }
        speed.add(speedKmh);
        gLong.add(gForceLong);
        gLat.add(gForceLat);
        if (t != NO_TIME) {
            time.add(t);
        }
    }

    /** The columns as samples, or {@code null} when any sample was invalid (errors reported). */
    TripSamples finish(Double sampleRateHz, FieldErrors errors) {
        if (firstWithTime >= 0 && firstWithoutTime >= 0) {
            errors.add(
                    SampleField.TIME.pointer(firstWithoutTime),
                    "is required because /data/"
                            + firstWithTime
                            + " gives t: give t for every sample or for none");
            return null;
        }
        if (invalid) {
            return null;
        }
        return new TripSamples(
                firstWithTime >= 0 ? time.toArray() : null,
                sampleRateHz,
                speed.toArray(),
                gLong.toArray(),
                gLat.toArray());
    }
}
