package io.fleetflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.scoring.Scorers;
import io.fleetflow.scoring.TripScore;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.KnownTrips.KnownTrip;
import io.fleetflow.testing.TripSeeder;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end tests judge the pipeline by the known truth of {@link KnownTrips}: this checks
 * that the production risk model, on its own, finds exactly the planted manoeuvres, so a wrong
 * count there is the pipeline's fault, not the fixture's.
 */
class KnownTripsScoringTest {

    @Test
    void theProductionModelFindsExactlyThePlantedManoeuvres() {
        TripScorer scorer = Scorers.defaultScorer();
        Random random = new Random(42);
        int planted = 0;
        for (int i = 0; i < 500; i++) {
            KnownTrip trip = KnownTrips.generate(random, UUID.randomUUID(), UUID.randomUUID());
            TripScore score = scorer.score(TripSeeder.parse(trip.json()).samples());
            assertThat(score.harshBrakingCount())
                    .as("braking in trip %d", i)
                    .isEqualTo(trip.brakingEvents());
            assertThat(score.rapidAccelCount())
                    .as("acceleration in trip %d", i)
                    .isEqualTo(trip.accelEvents());
            planted += trip.brakingEvents() + trip.accelEvents();
        }
        assertThat(planted).isGreaterThan(1_000);
    }
}
