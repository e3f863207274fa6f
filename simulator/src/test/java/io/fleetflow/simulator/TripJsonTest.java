package io.fleetflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TripJsonTest {

    @ParameterizedTest
    @CsvSource({
        "0, 10000, 0",
        "3, 10000, 3",
        "12.5, 100, 12.5",
        "-0.05, 10000, -0.05",
        "0.00004, 10000, 0",
        "-0.00006, 10000, -0.0001",
        "47.999, 100, 48",
        "0.1234, 10000, 0.1234"
    })
    void writesFixedPointWithoutTrailingZeros(double value, int scale, String expected) {
        StringBuilder out = new StringBuilder();
        TripJson.appendFixed(out, value, scale);
        assertThat(out).hasToString(expected);
    }

    @Test
    void theBodyIsATelemetryPayloadWithEverySample() throws Exception {
        SimulatedTrip trip =
                new TripGenerator(
                                TripSettings.DEFAULTS.withDuration(
                                        Duration.ofSeconds(30), Duration.ofSeconds(30)))
                        .generate(
                                1,
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                DrivingStyle.NORMAL,
                                Instant.parse("2026-05-01T08:00:00Z"));

        JsonNode body = new ObjectMapper().readTree(TripJson.toBody(trip));

        assertThat(body.get("vehicle_id").asText()).isEqualTo(trip.vehicleId().toString());
        assertThat(body.get("driver_id").asText()).isEqualTo(trip.driverId().toString());
        assertThat(body.get("timestamp").asText()).isEqualTo("2026-05-01T08:00:00Z");
        assertThat(body.get("sample_rate_hz").asInt()).isEqualTo(10);
        assertThat(body.get("data")).hasSize(trip.sampleCount());
        JsonNode last = body.get("data").get(trip.sampleCount() - 1);
        assertThat(last.get("g_force_long").asDouble())
                .isCloseTo(trip.gLong()[trip.sampleCount() - 1], within(0.0001));
        assertThat(last.get("speed_kmh").asDouble()).isGreaterThanOrEqualTo(0);
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
