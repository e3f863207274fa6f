package io.fleetflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir Path parent;

    @Test
    void keepsDataUnlessFresh() throws IOException {
        Path root = parent.resolve("data");
        Files.writeString(DataDirectory.open(root, false).resolve("kept"), "x");

        assertThat(DataDirectory.open(root, false).resolve("kept")).exists();
        assertThat(DataDirectory.open(root, true).resolve("kept")).doesNotExist();
        assertThat(root.resolve(DataDirectory.MARKER)).exists();
    }

    @Test
    void neverClaimsADirectoryItDidNotCreate() throws IOException {
        Path foreign = Files.createDirectories(parent.resolve("photos"));
        Files.writeString(foreign.resolve("holiday.jpg"), "precious");

        assertThatThrownBy(() -> DataDirectory.open(foreign, true))
                .hasMessageContaining("was not created by FleetFlow");
        assertThat(foreign.resolve("holiday.jpg")).exists();
    }
}
