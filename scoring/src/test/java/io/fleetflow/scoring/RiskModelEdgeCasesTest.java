package io.fleetflow.scoring;

import static io.fleetflow.scoring.TripFixture.trip;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.TripSamples;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Trips at the edges of what a device can send: none of them may throw. */
class RiskModelEdgeCasesTest {

    private final RiskModelScorer scorer = new RiskModelScorer();

    @Test
    void aTripOfOneSampleScoresAPerfectHundred() {
        TripSamples one =
                new TripSamples(
                        new long[] {0},
                        null,
                        new double[] {30},
                        new double[] {-0.9},
                        new double[] {0});

        TripScore score = scorer.score(one);

        assertThat(score.safetyScore()).isEqualTo(100);
        assertThat(score.metrics().durationS()).isZero();
        assertThat(score.metrics().distanceKm()).isZero();
    }

    @Test
    void aTripWithoutSamplesScoresAPerfectHundred() {
        TripSamples none = new TripSamples(null, 10.0, new double[0], new double[0], new double[0]);

        assertThat(scorer.score(none).safetyScore()).isEqualTo(100);
    }

    @Test
    void aStationaryTripHasNoEventsNoDistanceAndAPerfectScore() {
        TripScore score = scorer.score(trip(10, 600_000).build());

        assertThat(score.events()).isEmpty();
        assertThat(score.safetyScore()).isEqualTo(100);
        assertThat(score.metrics().distanceKm()).isZero();
        assertThat(score.metrics().movingS()).isZero();
        assertThat(score.metrics().avgSpeedKmh()).isZero();
    }

    @Test
    void aConstantDecelerationOverTheWholeTripIsOneEvent() {
        double[] g = new double[600];
        Arrays.fill(g, -0.5);
        double[] speed = new double[600];
        Arrays.fill(speed, 50);

        TripScore score = scorer.score(new TripSamples(null, 10.0, speed, g, new double[600]));

        assertThat(score.harshBrakingCount()).isEqualTo(1);
        assertThat(score.events().get(0).startMs()).isZero();
        assertThat(score.events().get(0).endMs()).isEqualTo(59_900);
    }

    @Test
    void sixteenKilohertzGivesTheSameCountsAsTenHertz() {
        TripFixture trip =
                trip(16_000, 20_000)
                        .cruising(80)
                        .braking(5_000, 0.5, 1_000)
                        .cornering(12_000, 0.45, 1_500);

        TripScore fast = scorer.score(trip.buildWithRateOnly());
        TripScore slow = scorer.score(trip.decimated(1_600));

        assertThat(fast.harshBrakingCount()).isEqualTo(1).isEqualTo(slow.harshBrakingCount());
        assertThat(fast.harshCorneringCount()).isEqualTo(1).isEqualTo(slow.harshCorneringCount());
        assertThat(fast.metrics().distanceKm())
                .isCloseTo(80 * 20 / 3600.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void anHourLongGapInTheRecordingIsNeverBridgedByAnEvent() {
        int n = 200;
        long[] t = new long[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i < 100 ? i * 100L : 3_600_000L + i * 100L;
        }
        Arrays.fill(g, 90, 110, -0.5);

        TripScore score = scorer.score(new TripSamples(t, 10.0, new double[n], g, new double[n]));

        assertThat(score.harshBrakingCount()).isEqualTo(2);
        assertThat(score.events()).allSatisfy(e -> assertThat(e.durationMs()).isLessThan(2_000));
    }

    @Test
    void samplesSharingOneTimestampDoNotBreakTheTimeBase() {
        long[] t = {0, 0, 0, 100, 100, 200};
        double[] g = {-0.5, -0.5, -0.5, -0.5, -0.5, -0.5};

        TripScore score = scorer.score(new TripSamples(t, null, new double[6], g, new double[6]));

        assertThat(score.safetyScore()).isBetween(0, 100);
    }
}
