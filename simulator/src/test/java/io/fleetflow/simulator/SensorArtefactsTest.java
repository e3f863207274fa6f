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

    @Test
    void aYawErrorRotatesTheHorizontalAccelerationAndKeepsItsMagnitudeAndTheLabels() {
        SimulatedTrip turned = new SensorArtefacts(false, 0, 15).applyTo(TRIP, 1);

        double cos = Math.cos(Math.toRadians(15));
        double sin = Math.sin(Math.toRadians(15));
        for (int i = 0; i < TRIP.sampleCount(); i++) {
            double before = Math.hypot(TRIP.gLong()[i], TRIP.gLat()[i]);
            assertThat(Math.hypot(turned.gLong()[i], turned.gLat()[i]))
                    .isCloseTo(before, within(1e-5));
            assertThat((double) turned.gLong()[i])
                    .isCloseTo(TRIP.gLong()[i] * cos + TRIP.gLat()[i] * sin, within(1e-5));
        }
        assertThat(turned.plantedEvents()).isEqualTo(TRIP.plantedEvents());
        assertThat(turned.speedKmh()).isEqualTo(TRIP.speedKmh());
    }

    @Test
    void aHardStopReboundsWithLessThanItsOwnPeakSoonAfterItEnds() {
        SimulatedTrip rebounding = new SensorArtefacts(true, 0, 0).applyTo(TRIP, 1);

        PlantedEvent braking =
                TRIP.plantedEvents().stream()
                        .filter(e -> e.kind() == PlantedEvent.Kind.HARSH_BRAKING)
                        .findFirst()
                        .orElseThrow();
        int from = (int) (braking.endMs() * HZ / 1000);
        int to = Math.min(TRIP.sampleCount(), from + (int) (2.3 * HZ));
        double added = 0;
        for (int i = from; i < to; i++) {
            added = Math.max(added, rebounding.gLong()[i] - TRIP.gLong()[i]);
        }
        assertThat(added).isGreaterThan(0.35 * braking.peakG() * 0.9).isLessThan(braking.peakG());
        assertThat(rebounding.plantedEvents()).isEqualTo(TRIP.plantedEvents());
    }

    @Test
    void bumpsAreShortPulsesUnderHalfAG() {
        SimulatedTrip bumpy = new SensorArtefacts(false, 2, 0).applyTo(TRIP, 1);

        int bursts = 0;
        int run = 0;
        int longest = 0;
        for (int i = 0; i < TRIP.sampleCount(); i++) {
            double added = bumpy.gLong()[i] - TRIP.gLong()[i];
            assertThat(Math.abs(added)).isLessThanOrEqualTo(0.451);
            if (added != 0) {
                run++;
                longest = Math.max(longest, run);
            } else {
                bursts += run > 0 ? 1 : 0;
                run = 0;
            }
        }
        // About 2 a minute for 10 minutes; each at most 0.6 s long.
        assertThat(bursts).isBetween(8, 40);
        assertThat(longest).isLessThanOrEqualTo((int) (0.6 * HZ) + 1);
        assertThat(bumpy.plantedEvents()).isEqualTo(TRIP.plantedEvents());
    }

    @Test
    void theSameSeedGivesTheSameArtefacts() {
        SensorArtefacts all = new SensorArtefacts(true, 1, 10);
        assertThat(all.applyTo(TRIP, 5).gLong()).isEqualTo(all.applyTo(TRIP, 5).gLong());
    }
}
