package io.fleetflow.job.stats;

import java.time.Duration;
import java.util.Arrays;

/**
 * One driver's trips in the statistics window, grouped into slices of trip time ({@link TripDay}, a
 * thirtieth of the window each: a day for 30 days) kept in start order, each with its sums. A trip
 * costs the work of its own slice, the slice the window's old end falls in and a sum over at most
 * 31 slices — not a pass over every trip in the window. Immutable: every change returns a new
 * window, sharing the slices it did not change. A Flink POJO kept in keyed state.
 */
public class DriverWindow {
    static final int SLICES_PER_WINDOW = 30;

    /** Start of the driver's latest trip, epoch ms: the window ends here. */
    public long latestStartMs;

    /** Ordered by {@link TripDay#slice}; none empty. */
    public TripDay[] slices;

    public DriverWindow() {}

    /** The window after {@code trip} (or its replay) arrived, without trips that left it. */
    public static DriverWindow with(
            DriverWindow window, String tripId, TripContribution trip, int windowDays) {
        long windowMs = Duration.ofDays(windowDays).toMillis();
        long slice = Math.floorDiv(trip.startedAtMs, windowMs / SLICES_PER_WINDOW);
        TripDay[] slices = window == null ? new TripDay[0] : window.slices;
        long latest =
                window == null
                        ? trip.startedAtMs
                        : Math.max(window.latestStartMs, trip.startedAtMs);

        int at = indexOf(slices, slice);
        TripDay[] added;
        if (at >= 0) {
            added = slices.clone();
            added[at] = slices[at].with(tripId, trip);
        } else {
            int insertAt = -at - 1;
            added = new TripDay[slices.length + 1];
            System.arraycopy(slices, 0, added, 0, insertAt);
            added[insertAt] = TripDay.of(slice, tripId, trip);
            System.arraycopy(slices, insertAt, added, insertAt + 1, slices.length - insertAt);
        }
        DriverWindow next = new DriverWindow();
        next.latestStartMs = latest;
        next.slices = withoutTripsStartedBy(added, latest - windowMs);
        return next;
    }

    /** The sums over every trip in the window. */
    public WindowSums sums() {
        WindowSums sums = new WindowSums();
        for (TripDay day : slices) {
            sums.add(day.sums);
        }
        return sums;
    }

    /** Slices in start order, without the trips that started at or before {@code boundMs}. */
    private static TripDay[] withoutTripsStartedBy(TripDay[] slices, long boundMs) {
        int first = 0;
        while (first < slices.length && slices[first].newestStartMs <= boundMs) {
            first++;
        }
        TripDay[] kept = first == 0 ? slices : Arrays.copyOfRange(slices, first, slices.length);
        if (kept.length > 0 && kept[0].oldestStartMs <= boundMs) {
            kept = kept == slices ? slices.clone() : kept;
            kept[0] = kept[0].startedAfter(boundMs); // not null: its newest trip is younger
        }
        return kept;
    }

    private static int indexOf(TripDay[] slices, long slice) {
        int lo = 0;
        int hi = slices.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (slices[mid].slice < slice) {
                lo = mid + 1;
            } else if (slices[mid].slice > slice) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }
}
