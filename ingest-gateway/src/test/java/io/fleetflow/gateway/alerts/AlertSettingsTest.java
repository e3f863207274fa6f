package io.fleetflow.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertSettingsTest {

    @Test
    void theBackoffDoublesFromItsStartUpToItsMaximum() {
        AlertSettings s =
                AlertSettings.storeOnly().withRetry(Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(s.backoff(1)).hasSeconds(1);
        assertThat(s.backoff(2)).hasSeconds(2);
        assertThat(s.backoff(4)).hasSeconds(8);
        assertThat(s.backoff(5)).hasSeconds(10);
        assertThat(s.backoff(1_000)).hasSeconds(10);
    }

    @Test
    void aWebhookNeedsASecretAndAnHttpUrl() {
        AlertSettings none = AlertSettings.storeOnly();

        assertThatThrownBy(() -> none.withWebhook(URI.create("https://hooks.example/x"), ""))
                .hasMessageContaining("FLEETFLOW_ALERT_WEBHOOK_SECRET");
        assertThatThrownBy(() -> none.withWebhook(URI.create("ftp://hooks.example/x"), "k"))
                .hasMessageContaining("http");
        assertThat(none.withWebhook(URI.create("https://hooks.example/x"), "k").webhookUrl())
                .hasHost("hooks.example");
    }

    /** RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?". */
    @Test
    void theSignatureIsHmacSha256OfTheBodyInHex() {
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

        assertThat(WebhookSignature.sign("Jefe", body)).isEqualTo(expected);
        assertThat(WebhookSignature.verify("Jefe", body, expected)).isTrue();
        assertThat(WebhookSignature.verify("jefe", body, expected)).isFalse();
        assertThat(WebhookSignature.verify("Jefe", body, null)).isFalse();
    }
}
