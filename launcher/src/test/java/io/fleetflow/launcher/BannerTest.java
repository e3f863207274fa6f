package io.fleetflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.gateway.app.DevCredentials;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BannerTest {

    private static Banner banner(Optional<DevCredentials> credentials) {
        return new Banner(
                "http://127.0.0.1:8080",
                "http://127.0.0.1:8081/",
                credentials,
                "jdbc:postgresql://127.0.0.1:5555/postgres (embedded, user postgres)",
                "amqp://fleetflow:***@127.0.0.1:5556/default (embedded Qpid Broker-J)",
                "20 vehicles",
                "/home/me/.fleetflow");
    }

    @Test
    void printsTheCredentialsOnTheirOwnLinesAndNoSecretInAnyUrl() {
        assertThat(banner(Optional.of(new DevCredentials("dk_123", "op_456"))).lines())
                .contains(
                        "  Dashboard  http://127.0.0.1:8080/",
                        "  Device API key  dk_123",
                        "  Operator token  op_456",
                        "  Ingest API  http://127.0.0.1:8080/api/v1/telemetry",
                        "  Health  http://127.0.0.1:8080/health/ready",
                        "  Flink Web UI  http://127.0.0.1:8081/",
                        "  Data directory  /home/me/.fleetflow")
                .filteredOn(l -> l.contains("op_456") || l.contains("dk_123"))
                .containsExactly("  Device API key  dk_123", "  Operator token  op_456");
    }

    @Test
    void withoutCredentialsTheDashboardLinkHasNoToken() {
        assertThat(banner(Optional.empty()).lines())
                .contains("  Dashboard  http://127.0.0.1:8080/")
                .noneMatch(l -> l.contains("Operator token") || l.contains("Device API key"));
    }
}
