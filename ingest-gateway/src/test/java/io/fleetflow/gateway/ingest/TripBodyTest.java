package io.fleetflow.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TripBodyTest {

    @Test
    void onlyUtf8JsonIsAccepted() {
        assertThat(TripBody.isUtf8Json("application/json")).isTrue();
        assertThat(TripBody.isUtf8Json("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(TripBody.isUtf8Json("application/json; charset=\"utf-8\"")).isTrue();
        assertThat(TripBody.isUtf8Json("application/json; charset=utf-16")).isFalse();
        assertThat(TripBody.isUtf8Json("application/jsonx")).isFalse();
        assertThat(TripBody.isUtf8Json("text/plain")).isFalse();
        assertThat(TripBody.isUtf8Json(null)).isFalse();
    }
}
