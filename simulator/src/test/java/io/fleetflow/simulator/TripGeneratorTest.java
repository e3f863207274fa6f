package io.fleetflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.simulator.SimulatedTrip.PlantedEvent;
import io.fleetflow.simulator.SimulatedTrip.PlantedEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TripGeneratorTest {

    private static final UUID VEHICLE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID DRIVER = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    private static final Instant START = Instant.parse("2026-05-01T08:00:00Z");
    private static final TripSettings TEN_MINUTES_AT_10_HZ =
            TripSettings.DEFAULTS.withDuration(Duration.ofMinutes(10), Duration.ofMinutes(10));

    private static SimulatedTrip trip(TripSettings settings, DrivingStyle style, long seed) {
        return new TripGenerator(settings).generate(seed, VEHICLE, DRIVER, style, START);
    }

    @Test
    void theSameSeedGivesTheSameTripSampleForSample() {
        SimulatedTrip a = trip(TripSettings.DEFAULTS, DrivingStyle.NORMAL, 7);
        SimulatedTrip b = trip(TripSettings.DEFAULTS, DrivingStyle.NORMAL, 7);

        assertThat(b.speedKmh()).containsExactly(a.speedKmh());
        assertThat(b.gLong()).containsExactly(a.gLong());
        assertThat(b.gLat()).containsExactly(a.gLat());
        assertThat(b.plantedEvents()).isEqualTo(a.plantedEvents());
        assertThat(TripJson.toBody(b)).isEqualTo(TripJson.toBody(a));
    }

    @Test
    void anotherSeedGivesAnotherTrip() {
        SimulatedTrip a = trip(TripSettings.DEFAULTS, DrivingStyle.NORMAL, 7);
        SimulatedTrip b = trip(TripSettings.DEFAULTS, DrivingStyle.NORMAL, 8);

        assertThat(b.gLong()).isNotEqualTo(a.gLong());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 50, 1_000, 16_000})
    void samplesCoverTheTripAtTheRequestedRate(int hz) {
        TripSettings settings =
                TripSettings.DEFAULTS
                        .withSampleRate(hz)
                        .withDuration(Duration.ofSeconds(90), Duration.ofSeconds(90));

        SimulatedTrip trip = trip(settings, DrivingStyle.NORMAL, 3);

        assertThat(trip.sampleCount()).isEqualTo(90 * hz);
        assertThat(trip.durationSeconds()).isEqualTo(90.0);
    }

    @ParameterizedTest
    @EnumSource(DrivingStyle.class)
    void speedIsTheIntegralOfTheLongitudinalAcceleration(DrivingStyle style) {
        SimulatedTrip trip = trip(TEN_MINUTES_AT_10_HZ, style, 11);
        int hz = trip.sampleRateHz();

        for (int second = 1; second < trip.sampleCount() / hz - 1; second++) {
            int from = second * hz;
            int to = from + hz;
            double measuredG =
                    (trip.speedKmh()[to] - trip.speedKmh()[from]) / 3.6 / ManoeuvrePlanner.G;
            double meanG = 0;
            for (int i = from + 1; i <= to; i++) {
                meanG += trip.gLong()[i] / hz;
            }
            if (trip.speedKmh()[from] > 0.5 && trip.speedKmh()[to] > 0.5) {
                assertThat(meanG)
                        .as("second %d of a %s trip", second, style)
                        .isCloseTo(measuredG, org.assertj.core.data.Offset.offset(0.03));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DrivingStyle.class)
    void tripsStartAndEndAtAStopWithStopsLaunchesAndTurnsInBetween(DrivingStyle style) {
        SimulatedTrip trip = trip(TEN_MINUTES_AT_10_HZ, style, 5);
        float[] speed = trip.speedKmh();

        assertThat(speed[0]).isZero();
        assertThat(speed[speed.length - 1]).isZero();
        assertThat(max(speed)).isBetween(25f, 140f);
        assertThat(countStops(speed)).as("stops between start and end").isGreaterThanOrEqualTo(1);
        assertThat(maxAbs(trip.gLat())).as("turns produce lateral g").isGreaterThan(0.15);
    }

    @Test
    void ordinaryDrivingStaysBelowHarshThresholdsAndPlantedEventsExceedThem() {
        TripSettings settings = TEN_MINUTES_AT_10_HZ.withHarshEventsPerMinute(1.5);
        for (DrivingStyle style : DrivingStyle.values()) {
            SimulatedTrip trip = trip(settings, style, 21);
            assertThat(trip.plantedEvents()).isNotEmpty();
            for (int i = 0; i < trip.sampleCount(); i++) {
                long tMs = i * 1000L / trip.sampleRateHz();
                if (insideEvent(trip, tMs)) {
                    continue;
                }
                assertThat(Math.abs(trip.gLong()[i]))
                        .as("%s at %d ms outside any planted event", style, tMs)
                        .isLessThan(0.45f);
            }
            for (PlantedEvent event : trip.plantedEvents()) {
                float[] axis = event.kind() == Kind.HARSH_CORNERING ? trip.gLat() : trip.gLong();
                double peak = peakBetween(trip, axis, event);
                // Launches peak at only 0.3-0.5 g: an engine's limit (real launches: 0.3-0.43 g).
                double least = event.kind() == Kind.RAPID_ACCELERATION ? 0.27 : 0.4;
                assertThat(peak).as("%s peak", event).isGreaterThan(least);
            }
        }
    }

    @Test
    void harshEventRateFollowsTheStyle() {
        TripSettings settings =
                TripSettings.DEFAULTS.withDuration(Duration.ofMinutes(20), Duration.ofMinutes(20));
        double calm = eventsPerMinute(settings, DrivingStyle.CALM);
        double aggressive = eventsPerMinute(settings, DrivingStyle.AGGRESSIVE);

        assertThat(aggressive).isGreaterThan(3 * calm);
        // Events need a moving car, so the realised rate is below the nominal one, but near it.
        assertThat(aggressive).isBetween(0.4 * 2.0, 1.2 * 2.0);
    }

    @Test
    void aCrashIsAShortHardImpulseAfterWhichTheCarStaysAtRest() {
        TripSettings settings =
                TripSettings.DEFAULTS
                        .withSampleRate(50)
                        .withDuration(Duration.ofMinutes(6), Duration.ofMinutes(6))
                        .withCrashShare(1);
        for (long seed = 0; seed < 20; seed++) {
            SimulatedTrip trip = trip(settings, DrivingStyle.NORMAL, seed);
            List<PlantedEvent> crashes =
                    trip.plantedEvents().stream().filter(e -> e.kind() == Kind.CRASH).toList();
            assertThat(crashes).as("seed %d", seed).hasSize(1);
            PlantedEvent crash = crashes.get(0);
            assertThat(crash.endMs() - crash.startMs()).isBetween(80L, 150L);
            int at = (int) (crash.startMs() * 50 / 1000);
            int to = (int) (crash.endMs() * 50 / 1000) + 1;
            double peak = 0;
            for (int i = at; i <= to; i++) {
                peak = Math.max(peak, Math.hypot(trip.gLong()[i], trip.gLat()[i]));
            }
            assertThat(peak).as("seed %d", seed).isGreaterThan(1.0);
            assertThat(trip.speedKmh()[at - 1]).isGreaterThanOrEqualTo(19f);
            assertThat(trip.speedKmh()[trip.sampleCount() - 1]).isZero();
            assertThat(trip.plantedEvents().get(trip.plantedEvents().size() - 1)).isEqualTo(crash);
        }
    }

    @Test
    void aZeroCrashShareLeavesTheTripAsItWas() {
        SimulatedTrip without = trip(TEN_MINUTES_AT_10_HZ, DrivingStyle.NORMAL, 3);
        SimulatedTrip zero = trip(TEN_MINUTES_AT_10_HZ.withCrashShare(0), DrivingStyle.NORMAL, 3);

        assertThat(zero.gLong()).isEqualTo(without.gLong());
    }

    @Test
    void aZeroEventRatePlantsNothing() {
        SimulatedTrip trip =
                trip(TEN_MINUTES_AT_10_HZ.withHarshEventsPerMinute(0), DrivingStyle.AGGRESSIVE, 9);

        assertThat(trip.plantedEvents()).isEmpty();
    }

    private static double eventsPerMinute(TripSettings settings, DrivingStyle style) {
        int events = 0;
        double minutes = 0;
        for (long seed = 0; seed < 10; seed++) {
            SimulatedTrip trip = trip(settings, style, seed);
            events += trip.plantedEvents().size();
            minutes += trip.durationSeconds() / 60;
        }
        return events / minutes;
    }

    private static boolean insideEvent(SimulatedTrip trip, long tMs) {
        return trip.plantedEvents().stream()
                .anyMatch(e -> tMs >= e.startMs() - 200 && tMs <= e.endMs() + 200);
    }

    private static double peakBetween(SimulatedTrip trip, float[] axis, PlantedEvent event) {
        double peak = 0;
        int hz = trip.sampleRateHz();
        for (long i = event.startMs() * hz / 1000;
                i <= Math.min(axis.length - 1, event.endMs() * hz / 1000);
                i++) {
            peak = Math.max(peak, Math.abs(axis[(int) i]));
        }
        return peak;
    }

    private static int countStops(float[] speed) {
        int stops = 0;
        boolean moving = false;
        for (int i = 0; i < speed.length - 1; i++) {
            if (speed[i] > 5) {
                moving = true;
            } else if (moving && speed[i] == 0) {
                stops++;
                moving = false;
            }
        }
        return stops;
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
