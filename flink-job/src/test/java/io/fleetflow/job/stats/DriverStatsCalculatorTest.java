package io.fleetflow.job.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverStatsCalculatorTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long NOW = 1_780_000_000_000L;

    @Test
    void aTripExactlyOneWindowOldIsOutsideAndAYoungerOneInside() {
        assertThat(DriverStatsCalculator.inWindow(NOW - 30 * DAY, NOW, 30)).isFalse();
        assertThat(DriverStatsCalculator.inWindow(NOW - 30 * DAY + 1, NOW, 30)).isTrue();
        assertThat(DriverStatsCalculator.inWindow(NOW, NOW, 30)).isTrue();
    }

    @Test
    void sumsCountsAndDistanceAndNormalisesPer100Km() {
        DriverStats s =
                DriverStatsCalculator.summarize(
                        "d",
                        WindowSums.of(List.of(trip(40, 90, 2, 1), trip(10, 40, 0, 3))),
                        30,
                        NOW);

        assertThat(s.trips).isEqualTo(2);
        assertThat(s.distanceKm).isEqualTo(50.0);
        assertThat(s.harshBrakingCount).isEqualTo(2);
        assertThat(s.rapidAccelCount).isEqualTo(4);
        assertThat(s.harshBrakingPer100Km).isCloseTo(4.0, within(1e-9));
        assertThat(s.rapidAccelPer100Km).isCloseTo(8.0, within(1e-9));
        // distance-weighted: (90 * 40 + 40 * 10) / 50 = 80
        assertThat(s.rollingScore).isEqualTo(80);
        assertThat(s.windowDays).isEqualTo(30);
        assertThat(s.lastTripStartedAtMs).isEqualTo(NOW);
    }

    @Test
    void withoutDistanceTheScoreIsThePlainMeanAndRatesAreZero() {
        DriverStats s =
                DriverStatsCalculator.summarize(
                        "d", WindowSums.of(List.of(trip(0, 70, 1, 0), trip(0, 90, 0, 0))), 30, NOW);

        assertThat(s.rollingScore).isEqualTo(80);
        assertThat(s.harshBrakingPer100Km).isZero();
    }

    static TripContribution trip(double km, int score, int braking, int accel) {
        TripContribution c = new TripContribution();
        c.startedAtMs = NOW;
        c.distanceKm = km;
        c.durationS = km * 60;
        c.safetyScore = score;
        c.harshBrakingCount = braking;
        c.rapidAccelCount = accel;
        return c;
    }
}
