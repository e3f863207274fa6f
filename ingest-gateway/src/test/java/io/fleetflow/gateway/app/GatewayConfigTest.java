package io.fleetflow.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void authenticationIsOnUnlessExplicitlyTurnedOffAndNoCredentialsAreMadeByDefault() {
        GatewayConfig defaults = GatewayEnvironment.gatewayConfig(Map.of());
        assertThat(defaults.authEnabled()).isTrue();
        assertThat(defaults.devCredentials()).isFalse();
        assertThat(GatewayEnvironment.gatewayConfig(Map.of("FLEETFLOW_AUTH", "off")).authEnabled())
                .isFalse();
        assertThat(
                        GatewayEnvironment.gatewayConfig(Map.of("FLEETFLOW_AUTH", "false"))
                                .authEnabled())
                .isTrue();
        assertThat(
                        GatewayEnvironment.gatewayConfig(
                                        Map.of("FLEETFLOW_DEV_CREDENTIALS", "true"))
                                .devCredentials())
                .isTrue();
        assertThat(GatewayConfig.local("jdbc:x", "u", "amqp://h", "q").authEnabled()).isFalse();
    }

    @Test
    void limitsAndRelayTimingComeFromTheEnvironment() {
        GatewayConfig c =
                GatewayEnvironment.gatewayConfig(
                        Map.of(
                                "FLEETFLOW_MAX_CONCURRENT_INGESTS", "7",
                                "FLEETFLOW_RELAY_STALE_AGE_MS", "60000",
                                "FLEETFLOW_SHUTDOWN_GRACE_MS", "1500"));
        assertThat(c.maxConcurrentIngests()).isEqualTo(7);
        assertThat(c.relayStaleAge()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.shutdownGrace()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.withHttpPort(9).httpPort()).isEqualTo(9);
        assertThat(c.withHttpPort(9).maxConcurrentIngests()).isEqualTo(7);
    }
}
