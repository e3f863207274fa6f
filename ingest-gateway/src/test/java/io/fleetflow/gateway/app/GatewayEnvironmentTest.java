package io.fleetflow.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.gateway.read.ReadApiSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayEnvironmentTest {

    @Test
    void explicitReadSettingsWin() {
        ReadApiSettings s =
                GatewayEnvironment.readApiSettings(
                        Map.of(
                                "FLEETFLOW_FLINK_REST_URL", "http://flink:9081",
                                "FLEETFLOW_FLINK_WEB_UI_URL", "https://flink.example/",
                                "FLEETFLOW_DASHBOARD_DIR", "/srv/dashboard"));

        assertThat(s)
                .isEqualTo(
                        new ReadApiSettings(
                                "http://flink:9081",
                                "https://flink.example/",
                                Path.of("/srv/dashboard")));
    }

    @Test
    void theWebUiDefaultsToTheRestUrl() {
        ReadApiSettings s =
                GatewayEnvironment.readApiSettings(
                        Map.of("FLEETFLOW_FLINK_REST_URL", "http://f:1"));

        assertThat(s.flinkWebUiUrl()).isEqualTo("http://f:1/");
        assertThat(GatewayEnvironment.readApiSettings(Map.of()).flinkRestUrl())
                .isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        GatewayConfig c = GatewayEnvironment.gatewayConfig(Map.of());

        assertThat(c.httpHost()).isEqualTo("127.0.0.1");
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(c.dbPoolSize()).isEqualTo(16);
        assertThat(c.queue()).isEqualTo("telemetry_analysis");
        assertThat(c.maxBodyBytes()).isEqualTo(67_108_864L);
        assertThat(c.payloadLimits().maxSamples()).isEqualTo(2_000_000);
        assertThat(c.payloadLimits().maxFutureSkew()).hasSeconds(300);
        assertThat(c.publishConfirmTimeout()).hasMillis(5_000);
        assertThat(c.relayInterval()).hasMillis(5_000);
        assertThat(c.relayMinAge()).hasMillis(10_000);
        assertThat(c.relayStaleAge()).hasMillis(600_000);
        assertThat(c.shutdownGrace()).hasMillis(20_000);
        assertThat(c.applySchema()).isTrue();
    }

    /** Each variable has a row in the README's configuration table showing its fixed default. */
    @Test
    void everyVariableIsInTheReadmeWithItsDefault() throws IOException {
        List<String> rows =
                Files.readAllLines(repositoryRoot().resolve("README.md")).stream()
                        .filter(line -> line.startsWith("| `FLEETFLOW_"))
                        .toList();
        assertThat(GatewayEnvironment.ALL).extracting(GatewayOption::name).doesNotHaveDuplicates();
        for (GatewayOption<?> option : GatewayEnvironment.ALL) {
            assertThat(option.doc()).as(option.name()).endsWith(".");
            List<String> mine =
                    rows.stream().filter(row -> row.contains("`" + option.name() + "`")).toList();
            assertThat(mine).as("README rows of %s", option.name()).isNotEmpty();
            if (option.defaultText() != null && !option.defaultText().isEmpty()) {
                assertThat(mine)
                        .as("README default of %s", option.name())
                        .anyMatch(row -> row.contains("`" + option.defaultText() + "`"));
            }
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above the working directory").isNotNull();
        return dir;
    }
}
