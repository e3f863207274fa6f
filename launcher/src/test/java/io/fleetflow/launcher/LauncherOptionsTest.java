package io.fleetflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherOptionsTest {

    @TempDir Path home;

    @Test
    void defaultsToTwentyVehiclesAndTheHomeDataDirectory() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of(), home);

        assertThat(options.dataDir()).isEqualTo(home.resolve(".fleetflow"));
        assertThat(options.fresh()).isFalse();
        assertThat(options.vehicles()).isEqualTo(20);
        assertThat(options.simulate()).isTrue();
        assertThat(options.tripInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.seed()).isEqualTo(42);
    }

    @Test
    void readsEveryOption() {
        LauncherOptions options =
                LauncherOptions.parse(
                        new String[] {
                            "--fresh",
                            "--data-dir",
                            "/tmp/x",
                            "--vehicles",
                            "5",
                            "--interval-s",
                            "0.5",
                            "--seed",
                            "7"
                        },
                        Map.of(),
                        home);

        assertThat(options)
                .isEqualTo(
                        new LauncherOptions(Path.of("/tmp/x"), true, 5, Duration.ofMillis(500), 7));
    }

    @Test
    void noSimulatorMeansNoVehicles() {
        LauncherOptions options =
                LauncherOptions.parse(new String[] {"--no-simulator"}, Map.of(), home);

        assertThat(options.simulate()).isFalse();
    }

    @Test
    void theEnvironmentOrTheWorkingDirectoryHoldDataWhenHomeCannot() {
        assertThat(LauncherOptions.defaultDataDir(Map.of("FLEETFLOW_DATA_DIR", "/srv/ff"), home))
                .isEqualTo(Path.of("/srv/ff"));
        assertThat(LauncherOptions.defaultDataDir(Map.of(), home.resolve("missing")))
                .isEqualTo(Path.of(".fleetflow-data"));
    }

    @Test
    void refusesUnknownOrIncompleteOptions() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--vehicle"}, Map.of(), home))
                .hasMessageContaining("unknown option --vehicle");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--seed"}, Map.of(), home))
                .hasMessageContaining("--seed needs a value");
        assertThatThrownBy(
                        () ->
                                LauncherOptions.parse(
                                        new String[] {"--interval-s", "0"}, Map.of(), home))
                .hasMessageContaining("--interval-s must be positive");
    }
}
