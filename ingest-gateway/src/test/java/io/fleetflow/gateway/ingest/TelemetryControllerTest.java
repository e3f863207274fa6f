package io.fleetflow.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelemetryControllerTest {

    @Test
    void onlyUtf8JsonIsAccepted() {
        assertThat(TelemetryController.isUtf8Json("application/json")).isTrue();
        assertThat(TelemetryController.isUtf8Json("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(TelemetryController.isUtf8Json("application/json; charset=\"utf-8\"")).isTrue();
        assertThat(TelemetryController.isUtf8Json("application/json; charset=utf-16")).isFalse();
        assertThat(TelemetryController.isUtf8Json("application/jsonx")).isFalse();
        assertThat(TelemetryController.isUtf8Json("text/plain")).isFalse();
        assertThat(TelemetryController.isUtf8Json(null)).isFalse();
    }
}
