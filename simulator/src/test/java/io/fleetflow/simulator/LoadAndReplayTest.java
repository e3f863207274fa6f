package io.fleetflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadAndReplayTest {

    @Test
    void percentilesPickTheNearestRank() {
        long[] sortedNanos = new long[100];
        for (int i = 0; i < 100; i++) {
            sortedNanos[i] = (i + 1) * 1_000_000L;
        }

        assertThat(LoadRun.percentileMs(sortedNanos, 0.50)).isEqualTo(50.0);
        assertThat(LoadRun.percentileMs(sortedNanos, 0.95)).isEqualTo(95.0);
        assertThat(LoadRun.percentileMs(sortedNanos, 0.99)).isEqualTo(99.0);
        assertThat(LoadRun.percentileMs(new long[] {7_000_000L}, 0.99)).isEqualTo(7.0);
    }

    @Test
    void profilesGrowFromSToL() {
        assertThat(LoadProfile.named("s").totalTrips()).isEqualTo(50);
        assertThat(LoadProfile.named("M").totalTrips()).isEqualTo(500);
        assertThat(LoadProfile.named("L").totalTrips()).isEqualTo(2_000);
        assertThatThrownBy(() -> LoadProfile.named("XL"))
                .hasMessageContaining("unknown load profile XL");
    }

    @Test
    void replayRefusesAFileThatIsNotATripBody(@TempDir Path dir) throws IOException {
        Path notATrip = Files.writeString(dir.resolve("labels.json"), "{\"events\": []}");
        Path trip =
                Files.writeString(
                        dir.resolve("trip.json"),
                        "{\"vehicle_id\":\"a\",\"data\":[{\"speed_kmh\":1}]}");

        assertThatThrownBy(() -> TripReplay.checkedBody(notATrip))
                .hasMessageContaining("is not a trip body");
        assertThat(TripReplay.checkedBody(trip)).isEqualTo(Files.readAllBytes(trip));
    }
}
