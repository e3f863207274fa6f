package io.fleetflow.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetflow.model.TripSamples;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    void shortTripsAreReturnedWholeWithTheirTimeBase() {
        TripSamples samples =
                new TripSamples(
                        null,
                        10.0,
                        new double[] {1, 2, 3},
                        new double[] {0.1, 0.2, 0.3},
                        new double[] {0, 0, 0});

        Downsampler.Series series = Downsampler.downsample(samples, 10);

        assertThat(series.downsampled()).isFalse();
        assertThat(series.tMs()).containsExactly(0, 100, 200);
        assertThat(series.speedKmh()).containsExactly(1, 2, 3);
        assertThat(series.sampleCount()).isEqualTo(3);
        assertThat(series.gForceVert()).isNull();
    }

    @Test
    void theVerticalAxisIsKeptWithItsPeaksWhenTheTripHasIt() {
        int n = 10_000;
        double[] vert = new double[n];
        vert[4_321] = -3.5; // a pothole
        TripSamples samples =
                new TripSamples(null, 50.0, new double[n], new double[n], new double[n], vert);

        assertThat(Downsampler.downsample(samples, 100).gForceVert()).hasSize(100).contains(-3.5);
        assertThat(Downsampler.downsample(samples, 20_000).gForceVert()).isEqualTo(vert);
    }

    @Test
    void longTripsKeepEveryChannelsPeaksWithinTheBudget() {
        int n = 100_000;
        double[] speed = new double[n];
        double[] gLong = new double[n];
        double[] gLat = new double[n];
        Arrays.fill(speed, 50);
        speed[12_345] = 131;
        gLong[77_777] = -0.93; // a single-sample hard brake
        gLat[500] = 0.61;

        Downsampler.Series series =
                Downsampler.downsample(new TripSamples(null, 10.0, speed, gLong, gLat), 2_000);

        assertThat(series.downsampled()).isTrue();
        assertThat(series.sampleCount()).isEqualTo(n);
        assertThat(series.tMs()).hasSize(2_000);
        assertThat(series.speedKmh()).hasSize(2_000).contains(131.0);
        assertThat(series.gForceLong()).contains(-0.93);
        assertThat(series.gForceLat()).contains(0.61);
        assertThat(Arrays.stream(series.speedKmh()).min().getAsDouble()).isEqualTo(50);
        for (int i = 1; i < series.tMs().length; i++) {
            assertThat(series.tMs()[i]).isGreaterThanOrEqualTo(series.tMs()[i - 1]);
        }
        assertThat(series.tMs()[series.tMs().length - 1]).isEqualTo((n - 1) * 100L);
    }

    @Test
    void extremesComeInTheOrderTheyOccurred() {
        double[] v = {0, 5, -3, 1};

        assertThat(Downsampler.extremesInOrder(v, 0, 4)).containsExactly(1, 2);
        assertThat(Downsampler.extremesInOrder(v, 2, 4)).containsExactly(2, 3);
    }

    @Test
    void aBudgetBelowTwoPointsIsRefused() {
        TripSamples one =
                new TripSamples(null, null, new double[] {1}, new double[] {0}, new double[] {0});
        assertThatThrownBy(() -> Downsampler.downsample(one, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
