package io.fleetflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.EventType;
import io.fleetflow.model.Severity;
import io.fleetflow.model.TripSamples;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ThresholdRunScorerTest {

    private final ThresholdRunScorer scorer = new ThresholdRunScorer();

    @Test
    void oneHardBrakeSampledFiftyTimesIsOneEvent() {
        double[] g = new double[200];
        Arrays.fill(g, 50, 100, -0.6);

        TripScore score = scorer.score(longitudinal(g));

        assertThat(score.harshBrakingCount()).isEqualTo(1);
        assertThat(score.rapidAccelCount()).isZero();
        assertThat(score.safetyScore()).isEqualTo(95);
    }

    @Test
    void separateRunsCountSeparatelyPerDirection() {
        double[] g = {0, -0.5, -0.5, 0, -0.41, 0, 0.5, 0.45, 0, 0.9, -0.9};

        TripScore score = scorer.score(longitudinal(g));

        assertThat(score.harshBrakingCount()).isEqualTo(3);
        assertThat(score.rapidAccelCount()).isEqualTo(2);
        assertThat(score.safetyScore()).isEqualTo(75);
    }

    @Test
    void valuesExactlyAtTheThresholdAreNotEvents() {
        TripScore score = scorer.score(longitudinal(new double[] {0.4, -0.4, 0.4}));

        assertThat(score.harshBrakingCount()).isZero();
        assertThat(score.rapidAccelCount()).isZero();
        assertThat(score.safetyScore()).isEqualTo(100);
    }

    @Test
    void scoreNeverDropsBelowZero() {
        double[] g = new double[100];
        for (int i = 0; i < g.length; i += 2) {
            g[i] = -1.0;
        }

        TripScore score = scorer.score(longitudinal(g));

        assertThat(score.harshBrakingCount()).isEqualTo(50);
        assertThat(score.safetyScore()).isZero();
    }

    @Test
    void versionNamesTheRuleAndItsParameters() {
        assertThat(scorer.score(longitudinal(new double[] {0})).scoringVersion())
                .isEqualTo(scorer.version())
                .contains("threshold-runs-1");
    }

    private static TripSamples longitudinal(double[] gLong) {
        return new TripSamples(
                null, 10.0, new double[gLong.length], gLong, new double[gLong.length]);
    }

    @Test
    void eventsCarryTheirTimesAndPeaks() {
        double[] g = {0, -0.5, -0.7, 0, 0.45, 0};

        TripScore score = scorer.score(longitudinal(g));

        assertThat(score.events())
                .containsExactly(
                        new DrivingEvent(EventType.HARSH_BRAKING, 100, 200, 0.7, Severity.HARSH),
                        new DrivingEvent(
                                EventType.RAPID_ACCELERATION, 400, 400, 0.45, Severity.HARSH));
    }

    @Test
    void metricsIntegrateSpeedOverTime() {
        double[] speed = new double[3601];
        Arrays.fill(speed, 36.0);
        TripSamples samples = new TripSamples(null, 1.0, speed, new double[3601], new double[3601]);

        TripMetrics metrics = scorer.score(samples).metrics();

        assertThat(metrics.distanceKm()).isCloseTo(36.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(metrics.durationS()).isEqualTo(3600.0);
        assertThat(metrics.maxSpeedKmh()).isEqualTo(36.0);
        assertThat(metrics.avgSpeedKmh())
                .isCloseTo(36.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
