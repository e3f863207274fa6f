package io.fleetflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetflow.simulator.SimulatedTrip.PlantedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SensorArtefactsTest {

    private static final int HZ = 50;

    /** Ten minutes of an aggressive driver at 50 Hz: every kind of manoeuvre is planted. */
    private static final SimulatedTrip TRIP =
            new TripGenerator(
                            TripSettings.DEFAULTS
                                    .withSampleRate(HZ)
                                    .withDuration(Duration.ofMinutes(10), Duration.ofMinutes(10)))
                    .generate(
                            11,
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            DrivingStyle.AGGRESSIVE,
                            Instant.parse("2026-05-01T08:00:00Z"));

    @Test
    void noArtefactsLeaveTheTripAsGenerated() {
        assertThat(SensorArtefacts.NONE.applyTo(TRIP, 1)).isSameAs(TRIP);
    }

    private static SensorArtefacts only(
            boolean rebound, double bumps, double yaw, double lanes, double noise, double drops) {
        return new SensorArtefacts(rebound, bumps, yaw, lanes, noise, drops, false);
    }

    @Test
    void aYawErrorTurnsTheWholeTripByOneAngleWithinTheLimitAndKeepsMagnitudesAndLabels() {
        SimulatedTrip turned = only(false, 0, 15, 0, 0, 0).applyTo(TRIP, 1);

        Double angle = null;
        for (int i = 0; i < TRIP.sampleCount(); i++) {
            double before = Math.hypot(TRIP.gLong()[i], TRIP.gLat()[i]);
            assertThat(Math.hypot(turned.gLong()[i], turned.gLat()[i]))
                    .isCloseTo(before, within(1e-5));
            if (before > 0.2) {
                double a =
                        Math.toDegrees(
                                Math.atan2(TRIP.gLat()[i], TRIP.gLong()[i])
                                        - Math.atan2(turned.gLat()[i], turned.gLong()[i]));
                a = ((a + 540) % 360) - 180;
                if (angle == null) {
                    angle = a;
                }
                assertThat(a).isCloseTo(angle, within(0.01));
            }
        }
        assertThat(angle).isNotNull().isBetween(-15.0, 15.0).isNotCloseTo(0.0, within(0.01));
        assertThat(turned.plantedEvents()).isEqualTo(TRIP.plantedEvents());
        assertThat(turned.speedKmh()).isEqualTo(TRIP.speedKmh());
    }

    @Test
    void aHardStopReboundsWithLessThanItsOwnPeakSoonAfterItEnds() {
        SimulatedTrip rebounding = only(true, 0, 0, 0, 0, 0).applyTo(TRIP, 1);

        PlantedEvent braking =
                TRIP.plantedEvents().stream()
                        .filter(e -> e.kind() == PlantedEvent.Kind.HARSH_BRAKING)
                        .findFirst()
                        .orElseThrow();
        int from = (int) (braking.endMs() * HZ / 1000);
        int to = Math.min(TRIP.sampleCount(), from + (int) (3.5 * HZ));
        double added = 0;
        for (int i = from; i < to; i++) {
            added = Math.max(added, rebounding.gLong()[i] - TRIP.gLong()[i]);
        }
        assertThat(added).isGreaterThan(0.30 * braking.peakG() * 0.9).isLessThan(braking.peakG());
        assertThat(rebounding.plantedEvents()).isEqualTo(TRIP.plantedEvents());
    }

    @Test
    void bumpsAreShortPulsesUnderHalfAG() {
        SimulatedTrip bumpy = only(false, 2, 0, 0, 0, 0).applyTo(TRIP, 1);

        int bursts = 0;
        int run = 0;
        int longest = 0;
        for (int i = 0; i < TRIP.sampleCount(); i++) {
            double added =
                    Math.max(
                            Math.abs(bumpy.gLong()[i] - TRIP.gLong()[i]),
                            Math.abs(bumpy.gLat()[i] - TRIP.gLat()[i]));
            assertThat(added).isLessThanOrEqualTo(0.451);
            if (added != 0) {
                run++;
                longest = Math.max(longest, run);
            } else {
                bursts += run > 0 ? 1 : 0;
                run = 0;
            }
        }
        // About 2 a minute for 10 minutes; each at most 1 s long (and a sample either side).
        assertThat(bursts).isBetween(8, 40);
        assertThat(longest).isLessThanOrEqualTo(HZ + 3);
        assertThat(bumpy.plantedEvents()).isEqualTo(TRIP.plantedEvents());
    }

    @Test
    void laneChangesAndDropsLeaveTheVelocityAsItWas() {
        SimulatedTrip changed = only(false, 0, 0, 2, 0, 60).applyTo(TRIP, 1);

        double sumLong = 0;
        double sumLat = 0;
        double largest = 0;
        for (int i = 0; i < TRIP.sampleCount(); i++) {
            sumLong += changed.gLong()[i] - TRIP.gLong()[i];
            sumLat += changed.gLat()[i] - TRIP.gLat()[i];
            largest =
                    Math.max(
                            largest,
                            Math.hypot(
                                    changed.gLong()[i] - TRIP.gLong()[i],
                                    changed.gLat()[i] - TRIP.gLat()[i]));
        }
        // Δv of everything added: under 0.3 km/h (g·s × 35.3 km/h per g·s).
        assertThat(Math.hypot(sumLong, sumLat) / HZ * 35.3).isLessThan(0.3);
        assertThat(largest).as("a dropped device spikes above 1 g").isGreaterThan(1.0);
        assertThat(changed.speedKmh()).isEqualTo(TRIP.speedKmh());
    }

    @Test
    void roadNoiseHasTheRequestedSpreadAndNoBias() {
        SimulatedTrip noisy = only(false, 0, 0, 0, 0.03, 0).applyTo(TRIP, 1);

        double sum = 0;
        double squares = 0;
        int n = TRIP.sampleCount();
        for (int i = 0; i < n; i++) {
            double d = noisy.gLong()[i] - TRIP.gLong()[i];
            sum += d;
            squares += d * d;
        }
        double mean = sum / n;
        double sd = Math.sqrt(squares / n - mean * mean);
        assertThat(mean).isCloseTo(0, within(0.005));
        assertThat(sd).isBetween(0.025, 0.045);
    }

    @Test
    void aHarshTurnTakenWithBrakesSlowsTheCarDown() {
        SimulatedTrip mixed = new SensorArtefacts(false, 0, 0, 0, 0, 0, true).applyTo(TRIP, 1);

        PlantedEvent turn =
                TRIP.plantedEvents().stream()
                        .filter(e -> e.kind() == PlantedEvent.Kind.HARSH_CORNERING)
                        .findFirst()
                        .orElseThrow();
        int after = (int) (turn.endMs() * HZ / 1000);
        assertThat(mixed.speedKmh()[after]).isLessThan(TRIP.speedKmh()[after] - 1);
        int during = (int) ((turn.startMs() + 300) * HZ / 1000);
        assertThat(mixed.gLong()[during]).isLessThan(TRIP.gLong()[during]);
        assertThat(mixed.plantedEvents()).isEqualTo(TRIP.plantedEvents());
    }

    @Test
    void theSameSeedGivesTheSameArtefacts() {
        SensorArtefacts all = SensorArtefacts.ALL;
        assertThat(all.applyTo(TRIP, 5).gLong()).isEqualTo(all.applyTo(TRIP, 5).gLong());
        assertThat(all.applyTo(TRIP, 5).gLong()).isNotEqualTo(all.applyTo(TRIP, 6).gLong());
    }
}
