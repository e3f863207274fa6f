package io.fleetflow.scoring;

import static io.fleetflow.scoring.TripFixture.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetflow.model.EventType;
import io.fleetflow.model.Severity;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.registry.VehicleClass;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskModelScorerTest {

    private final RiskModelScorer scorer = new RiskModelScorer();

    @Test
    void oneHardBrakeIsOneEventWithItsTimesPeakAndSeverity() {
        TripScore score =
                scorer.score(trip(50, 60_000).cruising(50).braking(10_000, 0.5, 1_500).build());

        assertThat(score.harshBrakingCount()).isEqualTo(1);
        assertThat(score.events()).hasSize(1);
        DrivingEvent brake = score.events().get(0);
        assertThat(brake.type()).isEqualTo(EventType.HARSH_BRAKING);
        assertThat(brake.startMs()).isBetween(9_850L, 10_100L);
        assertThat(brake.endMs()).isBetween(11_500L, 11_750L);
        assertThat(brake.peak()).isCloseTo(0.5, within(1e-6));
        assertThat(brake.severity()).isEqualTo(Severity.HARSH);
        // 0.83 km is below the 25 km minimum exposure: 100 - 2.0 x 1 x 100 / 25
        assertThat(score.safetyScore()).isEqualTo(92);
    }

    @Test
    void brakingIntoATurnIsOneBrakingEventNotAlsoCornering() {
        TripScore score =
                scorer.score(
                        trip(50, 60_000)
                                .cruising(50)
                                .braking(10_000, 0.6, 1_500)
                                .cornering(10_500, 0.4, 2_000)
                                .build());

        assertThat(score.events())
                .extracting(DrivingEvent::type)
                .containsExactly(EventType.HARSH_BRAKING);
        assertThat(score.harshCorneringCount()).isZero();
    }

    @Test
    void aTurnWithLightBrakingIsOneCorneringEvent() {
        TripScore score =
                scorer.score(
                        trip(50, 60_000)
                                .cruising(50)
                                .braking(10_000, 0.4, 1_000)
                                .cornering(9_800, -0.7, 2_500)
                                .build());

        assertThat(score.events())
                .extracting(DrivingEvent::type)
                .containsExactly(EventType.HARSH_CORNERING);
        assertThat(score.events().get(0).peak()).isCloseTo(0.7, within(1e-6));
        assertThat(score.events().get(0).severity()).isEqualTo(Severity.SEVERE);
    }

    @Test
    void manoeuvresAtDifferentTimesAreCountedSeparately() {
        TripScore score =
                scorer.score(
                        trip(50, 60_000)
                                .cruising(50)
                                .braking(10_000, 0.5, 1_000)
                                .accelerating(20_000, 0.3, 2_000)
                                .cornering(30_000, 0.4, 1_500)
                                .build());

        assertThat(score.events())
                .extracting(DrivingEvent::type)
                .containsExactly(
                        EventType.HARSH_BRAKING,
                        EventType.RAPID_ACCELERATION,
                        EventType.HARSH_CORNERING);
        assertThat(score.harshBrakingCount()).isEqualTo(1);
        assertThat(score.rapidAccelCount()).isEqualTo(1);
        assertThat(score.harshCorneringCount()).isEqualTo(1);
    }

    @Test
    void aJoltShorterThanTheMinimumDurationIsNotAManoeuvre() {
        TripScore score =
                scorer.score(trip(50, 30_000).cruising(50).braking(10_000, 0.8, 50).build());

        assertThat(score.events()).isEmpty();
        assertThat(score.safetyScore()).isEqualTo(100);
    }

    @Test
    void hysteresisKeepsADipAboveTheReleaseLevelInsideOneManoeuvre() {
        TripFixture trip =
                trip(50, 60_000)
                        .cruising(50)
                        .braking(10_000, 0.25, 3_500)
                        .braking(10_000, 0.25, 1_000)
                        .braking(12_500, 0.25, 1_000);

        assertThat(scorer.score(trip.build()).harshBrakingCount()).isEqualTo(1);

        EventRule noHysteresis = new EventRule(0.35, 1.0, 500, 1_000, 0.45, 0.60, 2.0, 0.15);
        ScoringConfig config =
                new ScoringConfig(
                        "test",
                        1,
                        250,
                        noHysteresis,
                        noHysteresis,
                        noHysteresis,
                        ScoringConfig.DEFAULTS.speeding(),
                        25,
                        ScoringConfig.DEFAULTS.reboundWindowMs(),
                        ScoringConfig.DEFAULTS.crash());
        assertThat(new RiskModelScorer(config).score(trip.build()).harshBrakingCount())
                .isEqualTo(2);
    }

    @Test
    void speedingHeldLongEnoughIsOneEventAndItsTimeIsCounted() {
        TripScore score =
                scorer.score(trip(50, 60_000).cruising(100).speed(20_000, 35_000, 130).build());

        assertThat(score.speedingCount()).isEqualTo(1);
        DrivingEvent speeding = score.events().get(0);
        assertThat(speeding.type()).isEqualTo(EventType.SPEEDING);
        assertThat(speeding.startMs()).isBetween(19_980L, 20_000L);
        assertThat(speeding.endMs()).isBetween(34_980L, 35_000L);
        assertThat(speeding.peak()).isEqualTo(130.0);
        assertThat(speeding.severity()).isEqualTo(Severity.HARSH);
        assertThat(score.speedingSeconds()).isCloseTo(15.0, within(0.001));
    }

    @Test
    void aShortBurstOfSpeedCountsAsTimeOverTheLimitButNotAsAnEvent() {
        TripScore score =
                scorer.score(trip(50, 60_000).cruising(100).speed(20_000, 25_000, 130).build());

        assertThat(score.speedingCount()).isZero();
        assertThat(score.speedingSeconds()).isCloseTo(5.0, within(0.001));
        assertThat(score.safetyScore()).isEqualTo(100);
    }

    @Test
    void perSampleTimesAndADeclaredRateGiveTheSameEvents() {
        TripFixture trip =
                trip(25, 60_000)
                        .cruising(60)
                        .braking(10_000, 0.5, 1_000)
                        .accelerating(30_000, 0.3, 1_500);

        assertThat(scorer.score(trip.buildWithRateOnly()).events())
                .isEqualTo(scorer.score(trip.build()).events());
    }

    @Test
    void withoutTimesOrRateSamplesAreOneSecondApart() {
        double[] gLong = new double[60];
        gLong[10] = -0.5;
        gLong[11] = -0.5;
        TripSamples samples = new TripSamples(null, null, new double[60], gLong, new double[60]);

        List<DrivingEvent> events = scorer.score(samples).events();

        assertThat(events).hasSize(1);
        assertThat(events.get(0).startMs()).isBetween(9_000L, 10_000L);
        assertThat(events.get(0).endMs()).isBetween(11_000L, 12_000L);
    }

    @Test
    void scoreIsWeightedEventsPerHundredKilometres() {
        Map<EventType, Integer> counts = counts(2, 1, 1, 0);

        // (2 x 2.0 + 1 x 1.0 + 1 x 1.5) x 100 / 40 km = 16.25
        assertThat(scorer.safetyScore(counts, 40.0, 0)).isEqualTo(84);
        // a 5 km trip is scored as 25 km: 6.5 x 100 / 25 = 26
        assertThat(scorer.safetyScore(counts, 5.0, 0)).isEqualTo(74);
        assertThat(scorer.safetyScore(counts(0, 0, 0, 0), 0.0, 0)).isEqualTo(100);
        assertThat(scorer.safetyScore(counts(50, 0, 0, 0), 1.0, 0)).isZero();
    }

    @Test
    void heavyTrucksAreHeldToLowerThresholds() {
        TripSamples gentleForACar =
                trip(50, 60_000).cruising(50).braking(10_000, 0.3, 1_500).build();

        assertThat(scorer.score(gentleForACar).harshBrakingCount()).isZero();
        assertThat(
                        new RiskModelScorer(ScoringConfig.HEAVY_TRUCK)
                                .score(gentleForACar)
                                .harshBrakingCount())
                .isEqualTo(1);
    }

    @Test
    void versionNamesTheModelAndTheVehicleClassParameters() {
        assertThat(scorer.version()).isEqualTo("risk-model-2/car-2");
        assertThat(new RiskModelScorer(ScoringConfig.HEAVY_TRUCK).version())
                .isEqualTo("risk-model-2/heavy-truck-2");
        assertThat(scorer.score(trip(10, 1_000).build()).scoringVersion())
                .isEqualTo(scorer.version());
        assertThat(Scorers.defaultScorer().version()).isEqualTo("risk-model-2/car-2");
    }

    private static Map<EventType, Integer> counts(
            int braking, int accel, int cornering, int speeding) {
        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        counts.put(EventType.HARSH_BRAKING, braking);
        counts.put(EventType.RAPID_ACCELERATION, accel);
        counts.put(EventType.HARSH_CORNERING, cornering);
        counts.put(EventType.SPEEDING, speeding);
        return counts;
    }

    @Test
    void eachVehicleClassHasItsOwnThresholdsAndVersion() {
        // A 0.2 g launch held 2 s: ordinary for a car or a van, harsh with standing passengers.
        TripSamples launch = trip(50, 60_000).cruising(30).accelerating(10_000, 0.2, 2_000).build();
        ClassScorers scorers = ClassScorers.riskModel();

        assertThat(scorers.forClass(VehicleClass.CAR).score(launch).rapidAccelCount()).isZero();
        assertThat(scorers.forClass(VehicleClass.VAN).score(launch).rapidAccelCount()).isZero();
        assertThat(scorers.forClass(VehicleClass.BUS).score(launch).rapidAccelCount()).isEqualTo(1);
        assertThat(scorers.forClass(VehicleClass.HEAVY_TRUCK).score(launch).rapidAccelCount())
                .isEqualTo(1);
        assertThat(scorers.forClass(VehicleClass.BUS).version()).isEqualTo("risk-model-2/bus-1");
        assertThat(scorers.forClass(VehicleClass.VAN).version()).isEqualTo("risk-model-2/van-1");
    }

    @Test
    void aDismissedEventStaysListedButLeavesTheCountsAndTheScore() {
        TripSamples trip =
                trip(50, 60_000)
                        .cruising(50)
                        .braking(10_000, 0.5, 1_500)
                        .braking(30_000, 0.5, 1_500)
                        .build();
        TripScore all = scorer.score(trip);
        DrivingEvent first = all.events().get(0);

        TripScore excused = scorer.scoreExcluding(trip, e -> e.equals(first));

        assertThat(all.harshBrakingCount()).isEqualTo(2);
        assertThat(excused.harshBrakingCount()).isEqualTo(1);
        assertThat(excused.events()).isEqualTo(all.events());
        assertThat(excused.safetyScore()).isGreaterThan(all.safetyScore());
        assertThat(scorer.scoreExcluding(trip, e -> true).safetyScore()).isEqualTo(100);
        assertThat(scorer.scoreExcluding(trip, e -> false)).isEqualTo(all);
    }
}
