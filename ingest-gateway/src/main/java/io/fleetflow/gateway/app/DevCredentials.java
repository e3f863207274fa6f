package io.fleetflow.gateway.app;

/**
 * Credentials a gateway generated for itself in local/dev mode, for the launcher to print and the
 * simulator to use. Never created from shipped configuration.
 *
 * @param deviceKey a device/fleet API key for {@code POST /api/v1/telemetry}
 * @param operatorToken a token for the read API and the dashboard
 */
public record DevCredentials(String deviceKey, String operatorToken) {}
