package io.fleetflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.EventType;
import io.fleetflow.scoring.eval.Evaluation;
import io.fleetflow.scoring.eval.Label;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTripsTest {

    @TempDir Path dir;

    @Test
    void writtenTripsReadBackWithTheirPlantedManoeuvresAsLabels() throws Exception {
        List<SimulatedTrip> trips = trips(6);
        LabelledTrips.write(dir, trips, 7);

        List<LabelledTrips.Trip> read = LabelledTrips.read(dir);

        assertThat(read).hasSize(trips.size());
        for (int i = 0; i < trips.size(); i++) {
            List<SimulatedTrip.PlantedEvent> planted = trips.get(i).plantedEvents();
            List<Label> labels = read.get(i).labels();
            assertThat(labels).hasSize(planted.size());
            for (int j = 0; j < planted.size(); j++) {
                assertThat(labels.get(j).startMs()).isEqualTo(planted.get(j).startMs());
                assertThat(labels.get(j).endMs()).isEqualTo(planted.get(j).endMs());
                assertThat(labels.get(j).eventType().name())
                        .isEqualTo(planted.get(j).kind().name());
            }
            assertThat(read.get(i).files()).singleElement().satisfies(f -> assertThat(f).exists());
        }
    }

    @Test
    void theEvaluationCountsEveryPlantedManoeuvreOnce() throws Exception {
        List<SimulatedTrip> trips = trips(6);
        LabelledTrips.write(dir, trips, 7);

        Map<String, Evaluation> byRate = EvaluateCli.evaluate(List.of(dir));

        assertThat(byRate).containsOnlyKeys("10 Hz", "all");
        Evaluation all = byRate.get("all");
        for (EventType type : Evaluation.TYPES) {
            long planted =
                    trips.stream()
                            .flatMap(t -> t.plantedEvents().stream())
                            .filter(e -> e.kind().name().equals(type.name()))
                            .count();
            assertThat(all.of(type).labelled()).as(type.name()).isEqualTo(planted);
        }
        int labelled = Evaluation.TYPES.stream().mapToInt(t -> all.of(t).labelled()).sum();
        assertThat(labelled).isPositive();
    }

    /** Aggressive drivers at 10 Hz, so every trip has manoeuvres planted. */
    private static List<SimulatedTrip> trips(int n) {
        TripGenerator generator =
                new TripGenerator(
                        TripSettings.DEFAULTS.withDuration(
                                Duration.ofMinutes(4), Duration.ofMinutes(4)));
        Fleet fleet = Fleet.create(n, 7);
        List<SimulatedTrip> trips = new ArrayList<>();
        for (Vehicle v : fleet.vehicles()) {
            trips.add(
                    generator.generate(
                            v.tripSeed(0),
                            v.vehicleId(),
                            v.driverId(),
                            DrivingStyle.AGGRESSIVE,
                            Instant.parse("2026-05-01T08:00:00Z")));
        }
        return trips;
    }
}
