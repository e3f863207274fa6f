package io.fleetflow.scoring;

import static io.fleetflow.scoring.TripFixture.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetflow.model.EventType;
import io.fleetflow.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What issue 19 asked of the model, each on a trip built to show it (docs/scoring.md). */
class RiskModelGeneralisationTest {

    private final RiskModelScorer scorer = new RiskModelScorer();

    private static List<EventType> types(TripScore score) {
        return score.events().stream().map(DrivingEvent::type).toList();
    }

    @Test
    void brakingIntoATurnIsOneEventOfTheDominantKind() {
        TripScore brakingDominates =
                scorer.score(
                        trip(50, 60_000)
                                .cruising(50)
                                .braking(10_000, 0.55, 2_000)
                                .cornering(10_500, 0.38, 2_000)
                                .build());
        TripScore turnDominates =
                scorer.score(
                        trip(50, 60_000)
                                .cruising(50)
                                .cornering(10_000, 0.60, 3_000)
                                .braking(10_200, 0.36, 1_500)
                                .build());

        assertThat(types(brakingDominates)).containsExactly(EventType.HARSH_BRAKING);
        assertThat(types(turnDominates)).containsExactly(EventType.HARSH_CORNERING);
    }

    @Test
    void aReboundWithLessEnergyThanTheBrakingBeforeItIsNotAnAcceleration() {
        TripFixture trip =
                trip(50, 60_000)
                        .cruising(50)
                        .braking(10_000, 0.55, 2_000)
                        .accelerating(13_000, 0.30, 1_000);

        assertThat(types(scorer.score(trip.build()))).containsExactly(EventType.HARSH_BRAKING);

        // The same pulse with more energy than the braking, or outside the window, counts.
        TripFixture launch =
                trip(50, 60_000)
                        .cruising(50)
                        .braking(10_000, 0.55, 1_000)
                        .accelerating(12_500, 0.45, 2_500);
        assertThat(types(scorer.score(launch.build())))
                .containsExactly(EventType.HARSH_BRAKING, EventType.RAPID_ACCELERATION);
        TripFixture later =
                trip(50, 60_000)
                        .cruising(50)
                        .braking(10_000, 0.55, 2_000)
                        .accelerating(16_000, 0.30, 1_000);
        assertThat(types(scorer.score(later.build())))
                .containsExactly(EventType.HARSH_BRAKING, EventType.RAPID_ACCELERATION);
    }

    @Test
    void aShortBlipIsNotAManoeuvre() {
        // 0.45 g for 0.6 s: 0.27 g·s, 9.5 km/h of "braking" that no brake produced.
        TripScore blip =
                scorer.score(trip(50, 60_000).cruising(50).braking(10_000, 0.45, 600).build());
        TripScore brake =
                scorer.score(trip(50, 60_000).cruising(50).braking(10_000, 0.45, 1_200).build());

        assertThat(blip.events()).isEmpty();
        assertThat(types(brake)).containsExactly(EventType.HARSH_BRAKING);
    }

    @Test
    void withUsableSpeedAPulseTheSpeedDoesNotShowIsNotCounted() {
        TripFixture real =
                trip(10, 60_000).braking(20_000, 0.5, 2_000).speedFollowsLongitudinal(80);
        TripFixture phantom = trip(10, 60_000).speed(0, 60_000, 80).braking(20_000, 0.5, 2_000);
        phantom.speed(40_000, 60_000, 70); // the speed varies elsewhere: it is usable

        assertThat(types(scorer.score(real.build()))).containsExactly(EventType.HARSH_BRAKING);
        assertThat(scorer.score(phantom.build()).events()).isEmpty();
    }

    @Test
    void aTurnedMountIsEstimatedFromTheSpeedAndTurnedBack() {
        TripFixture trip = trip(10, 240_000);
        for (int k = 0; k < 8; k++) {
            trip.accelerating(10_000 + k * 28_000, 0.20, 5_000)
                    .braking(22_000 + k * 28_000, 0.20, 5_000);
        }
        trip.cornering(5_000, 0.2, 2_000).speedFollowsLongitudinal(20).mountedTurnedBy(12);

        TripScore score = scorer.score(trip.build());

        assertThat(score.sensing().mountYawDeg()).isNotNull().isCloseTo(12.0, within(1.0));
    }

    @Test
    void withoutUsableSpeedTheAxesAreLeftAlone() {
        TripFixture trip =
                trip(10, 240_000).cruising(40).braking(20_000, 0.5, 2_000).mountedTurnedBy(12);

        TripScore score = scorer.score(trip.build());

        assertThat(score.sensing().mountYawDeg()).isNull();
        assertThat(types(score)).containsExactly(EventType.HARSH_BRAKING);
    }

    @Test
    void aCollisionIsACrashWithItsImpactAndCostsAFlatPenalty() {
        // From the front: 2 g over 180 ms is 8.1 km/h of Δv (minor), 4 g over 100 ms 9 (major).
        TripScore minor =
                scorer.score(
                        trip(50, 60_000)
                                .impulse(20_000, 2.0, 180, 180, false)
                                .speedFollowsLongitudinal(50)
                                .build());
        TripScore major =
                scorer.score(
                        trip(50, 60_000)
                                .impulse(20_000, 4.0, 100, 180, false)
                                .speedFollowsLongitudinal(50)
                                .build());

        assertThat(minor.crashCount()).isEqualTo(1);
        DrivingEvent crash =
                minor.events().stream()
                        .filter(e -> e.type() == EventType.CRASH)
                        .findFirst()
                        .orElseThrow();
        assertThat(crash.severity()).isEqualTo(Severity.HARSH);
        assertThat(crash.impact().major()).isFalse();
        assertThat(crash.impact().deltaVKmh()).isCloseTo(8.1, within(1.0));
        assertThat(crash.impact().speedBeforeKmh()).isCloseTo(50.0, within(0.5));
        assertThat(crash.impact().speedAfterKmh()).isLessThan(45.0);
        assertThat(major.events().stream().filter(e -> e.type() == EventType.CRASH))
                .singleElement()
                .satisfies(e -> assertThat(e.impact().major()).isTrue());
        assertThat(major.sensing().crashDetection()).isTrue();
        // A crash is not a rate per distance: 40 points off, plus the braking it also was.
        assertThat(major.safetyScore()).isLessThanOrEqualTo(60);
    }

    @Test
    void aDroppedDeviceAndACarThatKeepsGoingAreNotCrashes() {
        TripScore dropped =
                scorer.score(
                        trip(50, 60_000).cruising(50).impulse(20_000, 5.0, 40, 70, true).build());
        TripScore keptGoing =
                scorer.score(
                        trip(50, 60_000)
                                .speed(0, 60_000, 50)
                                .speed(50_000, 60_000, 60)
                                .impulse(20_000, 4.0, 100, 180, false)
                                .build());

        assertThat(dropped.crashCount()).isZero();
        assertThat(keptGoing.crashCount()).isZero();
    }

    @Test
    void anImpactThatIsMostlyVerticalIsAPotholeNotACrash() {
        TripFixture horizontalOnly =
                trip(50, 60_000).cruising(50).impulse(20_000, 4.0, 100, 180, false);
        TripFixture pothole =
                trip(50, 60_000)
                        .cruising(50)
                        .impulse(20_000, 4.0, 100, 180, false)
                        .vertical(20_000, 6.0, 100);

        assertThat(scorer.score(horizontalOnly.build()).crashCount()).isEqualTo(1);
        assertThat(scorer.score(pothole.build()).crashCount()).isZero();
    }

    @Test
    void belowTwentyFiveHertzCrashesAreNotLookedForAndTheScoreSaysSo() {
        TripScore tenHertz =
                scorer.score(
                        trip(10, 60_000)
                                .impulse(20_000, 4.0, 100, 180, false)
                                .speedFollowsLongitudinal(50)
                                .build());

        assertThat(tenHertz.sensing().crashDetection()).isFalse();
        assertThat(tenHertz.crashCount()).isZero();
    }
}
