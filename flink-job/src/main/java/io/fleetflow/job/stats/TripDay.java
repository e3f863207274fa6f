package io.fleetflow.job.stats;

import java.util.Arrays;

/**
 * One driver's trips that started in one slice of time (a day for a 30-day window), with their sums
 * precomputed (see {@link DriverWindow}). Immutable in use: every change returns a new slice. A
 * Flink POJO kept in keyed state; {@code tripIds[i]} is the id of {@code trips[i]}.
 */
public class TripDay {
    /** Which slice of trip time: the trips' start divided by the slice length. */
    public long slice;

    public String[] tripIds;
    public TripContribution[] trips;
    public WindowSums sums;

    /** Earliest and latest trip start in the slice, epoch ms. */
    public long oldestStartMs;

    public long newestStartMs;

    public TripDay() {}

    /** A slice holding one trip. */
    public static TripDay of(long slice, String tripId, TripContribution trip) {
        return of(slice, new String[] {tripId}, new TripContribution[] {trip}, 1);
    }

    /** This slice with {@code trip} added, or replacing the trip of the same id (a replay). */
    public TripDay with(String tripId, TripContribution trip) {
        int n = tripIds.length;
        int at = Arrays.asList(tripIds).indexOf(tripId);
        if (at >= 0) {
            TripContribution[] replaced = trips.clone();
            replaced[at] = trip;
            return of(slice, tripIds, replaced, n);
        }
        String[] ids = Arrays.copyOf(tripIds, n + 1);
        TripContribution[] added = Arrays.copyOf(trips, n + 1);
        ids[n] = tripId;
        added[n] = trip;
        return of(slice, ids, added, n + 1);
    }

    /**
     * This slice without its trips that started at or before {@code boundMs}; null if none is left.
     */
    public TripDay startedAfter(long boundMs) {
        int n = tripIds.length;
        String[] ids = new String[n];
        TripContribution[] kept = new TripContribution[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (trips[i].startedAtMs > boundMs) {
                ids[k] = tripIds[i];
                kept[k] = trips[i];
                k++;
            }
        }
        return k == 0 ? null : of(slice, ids, kept, k);
    }

    private static TripDay of(long slice, String[] ids, TripContribution[] trips, int n) {
        TripDay d = new TripDay();
        d.slice = slice;
        d.tripIds = ids.length == n ? ids : Arrays.copyOf(ids, n);
        d.trips = trips.length == n ? trips : Arrays.copyOf(trips, n);
        d.sums = WindowSums.of(Arrays.asList(d.trips));
        d.oldestStartMs = Long.MAX_VALUE;
        d.newestStartMs = Long.MIN_VALUE;
        for (TripContribution t : d.trips) {
            d.oldestStartMs = Math.min(d.oldestStartMs, t.startedAtMs);
            d.newestStartMs = Math.max(d.newestStartMs, t.startedAtMs);
        }
        return d;
    }
}
