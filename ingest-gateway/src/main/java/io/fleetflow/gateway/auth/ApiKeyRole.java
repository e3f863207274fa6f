package io.fleetflow.gateway.auth;

/** What an API key may do: devices post trips, operators read. Each role has its own key prefix. */
public enum ApiKeyRole {
    /** A vehicle or fleet integration: may call {@code POST /api/v1/telemetry} only. */
    DEVICE("ffd_"),
    /** A person or tool reading results: every other {@code /api/v1} route. */
    OPERATOR("ffo_");

    private final String keyPrefix;

    ApiKeyRole(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** The text every key of this role starts with, so a leaked key shows what it is. */
    public String keyPrefix() {
        return keyPrefix;
    }
}
