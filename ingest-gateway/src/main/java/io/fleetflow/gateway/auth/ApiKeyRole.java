package io.fleetflow.gateway.auth;

/**
 * What an API key may do: devices post trips, viewers read, operators read and change the registry.
 * Each role has its own key prefix. Which role each route needs is {@link AccessPolicy}'s.
 */
public enum ApiKeyRole {
    /** A vehicle or fleet integration: may call {@code POST /api/v1/telemetry} only. */
    DEVICE("ffd_"),
    /**
     * A person or screen reading results: every {@code GET} below {@code /api/v1}, nothing else.
     */
    VIEWER("ffv_"),
    /** A person or tool running the fleet: every route a viewer may call, and every write. */
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
