package io.fleetflow.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadApiSettingsTest {

    @Test
    void explicitValuesWin() {
        ReadApiSettings s =
                ReadApiSettings.fromEnvironment(
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
                ReadApiSettings.fromEnvironment(Map.of("FLEETFLOW_FLINK_REST_URL", "http://f:1"));

        assertThat(s.flinkWebUiUrl()).isEqualTo("http://f:1/");
        assertThat(ReadApiSettings.fromEnvironment(Map.of()).flinkRestUrl())
                .isEqualTo("http://127.0.0.1:8081");
    }
}
