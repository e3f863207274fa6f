package io.fleetflow.job.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DriverWindowTest {

    private static final int WINDOW_DAYS = 30;
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    /** 2026-05-01T00:00Z: slices of a 30-day window are UTC days. */
    private static final long MAY_1 = 1_777_593_600_000L;

    @Test
    void tripsOfADayShareASliceAndSlicesStayInStartOrder() {
        DriverWindow w = null;
        w = add(w, "c", MAY_1 + 2 * DAY, 3);
        w = add(w, "a", MAY_1, 1);
        w = add(w, "a2", MAY_1 + 5 * HOUR, 2);
        w = add(w, "b", MAY_1 + DAY, 4);

        assertThat(Arrays.stream(w.slices).map(d -> d.tripIds.length)).containsExactly(2, 1, 1);
        assertThat(w.slices[0].slice).isLessThan(w.slices[1].slice);
        assertThat(w.slices[1].slice).isLessThan(w.slices[2].slice);
        assertThat(w.sums().distanceKm).isEqualTo(10.0);
        assertThat(w.latestStartMs).isEqualTo(MAY_1 + 2 * DAY);
    }

    @Test
    void aReplayReplacesItsTripAndChangesNoOtherSlice() {
        DriverWindow w = add(null, "a", MAY_1, 1);
        w = add(w, "b", MAY_1 + DAY, 4);
        TripDay untouched = w.slices[1];

        DriverWindow replayed = add(w, "a", MAY_1, 1);

        assertThat(replayed.sums().trips).isEqualTo(2);
        assertThat(replayed.sums().distanceKm).isEqualTo(5.0);
        assertThat(replayed.slices[1]).isSameAs(untouched);
        assertThat(w.slices[0].trips).hasSize(1); // the earlier window is unchanged
    }

    @Test
    void aRescoredTripReplacesItsOldContributionInsteadOfAddingToIt() {
        DriverWindow w = add(null, "a", MAY_1, 10, 60, 1);
        w = add(w, "b", MAY_1 + DAY, 20, 90, 2);

        DriverWindow rescored = add(w, "a", MAY_1, 10, 80, 4);

        WindowSums sums = rescored.sums();
        assertThat(sums.trips).isEqualTo(2);
        assertThat(sums.distanceKm).isEqualTo(30.0);
        assertThat(sums.harshBrakingCount).isEqualTo(4 + 2);
        assertThat(sums.scoreSum).isEqualTo(80 + 90);
        assertThat(sums.weightedScore).isEqualTo(80 * 10 + 90 * 20);
    }

    @Test
    void aRescoreWithFewerEventsLowersTheCounts() {
        DriverWindow w = add(null, "a", MAY_1, 10, 60, 3);
        w = add(w, "a-same-day", MAY_1 + HOUR, 5, 95, 1);

        DriverWindow dismissed = add(w, "a", MAY_1, 10, 100, 0);

        assertThat(dismissed.sums().harshBrakingCount).isEqualTo(1);
        assertThat(dismissed.sums().scoreSum).isEqualTo(195);
        assertThat(dismissed.sums().trips).isEqualTo(2);
        // and back, as an undone dismissal would
        assertThat(add(dismissed, "a", MAY_1, 10, 60, 3).sums().harshBrakingCount).isEqualTo(4);
    }

    @Test
    void aDuplicateOfTheCurrentRevisionChangesNothing() {
        DriverWindow w = add(null, "a", MAY_1, 10, 60, 3);
        w = add(w, "b", MAY_1 + 2 * DAY, 7, 70, 1);
        WindowSums before = w.sums();

        DriverWindow again = add(add(w, "a", MAY_1, 10, 60, 3), "a", MAY_1, 10, 60, 3);

        WindowSums after = again.sums();
        assertThat(after).usingRecursiveComparison().isEqualTo(before);
        assertThat(again.latestStartMs).isEqualTo(w.latestStartMs);
        assertThat(Arrays.stream(again.slices).mapToInt(d -> d.tripIds.length).sum()).isEqualTo(2);
    }

    @Test
    void tripsThatLeftTheWindowAreDroppedWithTheirSlicesAndTheBoundarySliceIsTrimmed() {
        DriverWindow w = add(null, "old", MAY_1 - 3 * DAY, 1);
        w = add(w, "morning", MAY_1 + 8 * HOUR, 2);
        w = add(w, "evening", MAY_1 + 20 * HOUR, 4);
        assertThat(w.slices[1].tripIds).containsExactly("morning", "evening");
        // the window now starts at noon of May 1
        w = add(w, "month-later", MAY_1 + WINDOW_DAYS * DAY + 12 * HOUR, 8);

        assertThat(w.slices).hasSize(2);
        assertThat(w.slices[0].tripIds).containsExactly("evening");
        assertThat(w.slices[0].oldestStartMs).isEqualTo(MAY_1 + 20 * HOUR);
        assertThat(w.sums().trips).isEqualTo(2);
        assertThat(w.sums().distanceKm).isEqualTo(12.0);
    }

    @Test
    void aTripOnTheWindowsOldEndIsOutsideAndOneMillisecondLaterInside() {
        long end = MAY_1 + WINDOW_DAYS * DAY;
        DriverWindow w = add(null, "edge", MAY_1, 1);
        w = add(w, "after-edge", MAY_1 + 1, 2);
        w = add(w, "end", end, 4);

        assertThat(w.sums().trips).isEqualTo(2);
        assertThat(w.sums().distanceKm).isEqualTo(6.0);
    }

    private static DriverWindow add(
            DriverWindow w, String id, long startMs, double km, int score, int braking) {
        TripContribution t = new TripContribution();
        t.startedAtMs = startMs;
        t.distanceKm = km;
        t.safetyScore = score;
        t.harshBrakingCount = braking;
        return DriverWindow.with(w, id, t, WINDOW_DAYS);
    }

    private static DriverWindow add(DriverWindow w, String id, long startMs, double km) {
        TripContribution t = new TripContribution();
        t.startedAtMs = startMs;
        t.distanceKm = km;
        t.safetyScore = 90;
        return DriverWindow.with(w, id, t, WINDOW_DAYS);
    }
}
