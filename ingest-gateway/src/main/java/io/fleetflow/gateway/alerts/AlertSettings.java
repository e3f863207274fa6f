package io.fleetflow.gateway.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How alerts are delivered, read once from the environment by the app's {@code GatewayEnvironment}
 * ({@code FLEETFLOW_ALERT_*}).
 *
 * @param webhookUrl where alerts are POSTed, or {@code null}: then alerts are only stored and shown
 * @param webhookSecret the HMAC-SHA256 key of the signature header; required with a webhook
 * @param pollInterval how often the dispatcher looks for alerts due for delivery
 * @param timeout how long one delivery may take (connect and answer)
 * @param retryInitial the wait after the first failed attempt; doubled after each further one
 * @param retryMax the longest wait between two attempts
 */
public record AlertSettings(
        URI webhookUrl,
        String webhookSecret,
        Duration pollInterval,
        Duration timeout,
        Duration retryInitial,
        Duration retryMax) {

    public AlertSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryInitial, "retryInitial");
        Objects.requireNonNull(retryMax, "retryMax");
        if (webhookUrl != null) {
            String scheme = webhookUrl.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException(
                        "FLEETFLOW_ALERT_WEBHOOK_URL must be an http or https URL: " + webhookUrl);
            }
            if (webhookSecret == null || webhookSecret.isEmpty()) {
                throw new IllegalArgumentException(
                        "FLEETFLOW_ALERT_WEBHOOK_SECRET must be set when"
                                + " FLEETFLOW_ALERT_WEBHOOK_URL is: every delivery is signed");
            }
        }
        if (pollInterval.isNegative()
                || pollInterval.isZero()
                || timeout.isNegative()
                || timeout.isZero()
                || retryInitial.isNegative()
                || retryInitial.isZero()
                || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException(
                    "alert intervals must be positive and the retry maximum at least its start");
        }
    }

    /** No webhook: alerts are stored and shown only. */
    public static AlertSettings storeOnly() {
        return new AlertSettings(
                null,
                null,
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5));
    }

    public AlertSettings withWebhook(URI url, String secret) {
        return new AlertSettings(url, secret, pollInterval, timeout, retryInitial, retryMax);
    }

    public AlertSettings withRetry(Duration initial, Duration max) {
        return new AlertSettings(webhookUrl, webhookSecret, pollInterval, timeout, initial, max);
    }

    public AlertSettings withPollInterval(Duration interval) {
        return new AlertSettings(
                webhookUrl, webhookSecret, interval, timeout, retryInitial, retryMax);
    }

    /**
     * The wait after the {@code attempts}-th failed attempt: the initial wait doubled for each
     * attempt after the first, at most the maximum.
     */
    public Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long ms = retryInitial.toMillis() << doublings;
        return ms <= 0 || ms > retryMax.toMillis() ? retryMax : Duration.ofMillis(ms);
    }

    @Override
    public String toString() {
        return "AlertSettings{webhook=" + (webhookUrl == null ? "none" : webhookUrl) + "}";
    }
}
