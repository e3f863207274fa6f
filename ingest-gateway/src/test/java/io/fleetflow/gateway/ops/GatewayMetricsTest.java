package io.fleetflow.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.gateway.http.RequestIds;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {

    @Test
    void histogramBucketsAreCumulativeWithCountAndSum() {
        GatewayMetrics metrics = new GatewayMetrics();
        metrics.recordRequest("POST", "/api/v1/telemetry", 202, 0.003);
        metrics.recordRequest("POST", "/api/v1/telemetry", 202, 0.020);
        metrics.recordRequest("POST", "/api/v1/telemetry", 400, 60);

        String text = metrics.render();

        String labels = "method=\"POST\",route=\"/api/v1/telemetry\"";
        assertThat(text)
                .contains(
                        "fleetflow_http_request_duration_seconds_bucket{"
                                + labels
                                + ",le=\"0.0025\"} 0")
                .contains(
                        "fleetflow_http_request_duration_seconds_bucket{"
                                + labels
                                + ",le=\"0.005\"} 1")
                .contains(
                        "fleetflow_http_request_duration_seconds_bucket{"
                                + labels
                                + ",le=\"0.025\"} 2")
                .contains(
                        "fleetflow_http_request_duration_seconds_bucket{"
                                + labels
                                + ",le=\"30.0\"} 2")
                .contains(
                        "fleetflow_http_request_duration_seconds_bucket{"
                                + labels
                                + ",le=\"+Inf\"} 3")
                .contains("fleetflow_http_request_duration_seconds_count{" + labels + "} 3")
                .contains("fleetflow_http_requests_total{" + labels + ",status=\"202\"} 2")
                .contains("# TYPE fleetflow_http_request_duration_seconds histogram");
    }

    @Test
    void countersAndLabelEscaping() {
        GatewayMetrics metrics = new GatewayMetrics();
        metrics.tripAccepted();
        metrics.tripRejected("invalid-trip");
        metrics.tripRejected("invalid-trip");
        metrics.relayRepublished(5);
        metrics.poolUsage(() -> new GatewayMetrics.PoolUsage(3, 1, 4, 2, 16));

        String text = metrics.render();

        assertThat(text)
                .contains("fleetflow_trips_accepted_total 1")
                .contains("fleetflow_trips_rejected_total{reason=\"invalid-trip\"} 2")
                .contains("fleetflow_relay_republished_total 5")
                .contains("fleetflow_db_pool_connections{state=\"active\"} 3")
                .contains("fleetflow_db_pool_waiting_threads 2");
        assertThat(GatewayMetrics.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
        assertThat(metrics.rejectedCount("invalid-trip")).isEqualTo(2);
    }

    @Test
    void requestIdsAreKeptOnlyWhenTheyAreShortTokens() {
        assertThat(RequestIds.choose("abc-123.x:y_z")).isEqualTo("abc-123.x:y_z");
        assertThat(RequestIds.choose(null)).hasSize(36);
        assertThat(RequestIds.choose("evil\nINFO forged")).hasSize(36);
        assertThat(RequestIds.choose("x".repeat(129))).hasSize(36);
    }

    @Test
    void assignedRequestIdsAreDistinctVersion4Uuids() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.choose(null);
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }
}
