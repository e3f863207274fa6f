package io.fleetflow.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static ApiKey key(ApiKeyRole role, Instant revokedAt) {
        return new ApiKey(1, role, "k", role.keyPrefix() + "abcdefgh", Instant.EPOCH, revokedAt);
    }

    @Test
    void ingestNeedsADeviceKeyAndEverythingElseAnOperatorToken() {
        assertThat(AccessPolicy.requiredRole("/api/v1/telemetry")).isEqualTo(ApiKeyRole.DEVICE);
        assertThat(AccessPolicy.requiredRole("/api/v1/telemetry/")).isEqualTo(ApiKeyRole.DEVICE);
        assertThat(AccessPolicy.requiredRole("/api/v1/trips")).isEqualTo(ApiKeyRole.OPERATOR);
        assertThat(AccessPolicy.requiredRole("/api/v1/telemetryx")).isEqualTo(ApiKeyRole.OPERATOR);
        assertThat(AccessPolicy.requiredRole("/api/v1/fleet/summary"))
                .isEqualTo(ApiKeyRole.OPERATOR);
    }

    @Test
    void onlyBearerCredentialsAreRead() {
        assertThat(AccessPolicy.bearerSecret("Bearer ffd_x")).hasValue("ffd_x");
        assertThat(AccessPolicy.bearerSecret("bearer   ffd_x  ")).hasValue("ffd_x");
        assertThat(AccessPolicy.bearerSecret(null)).isEmpty();
        assertThat(AccessPolicy.bearerSecret("Basic Zm9vOmJhcg==")).isEmpty();
        assertThat(AccessPolicy.bearerSecret("Bearer ")).isEmpty();
        assertThat(AccessPolicy.bearerSecret("Bearer " + "x".repeat(201))).isEmpty();
    }

    @Test
    void unknownRevokedAndWrongRoleKeysAreDenied() {
        assertThat(AccessPolicy.check(Optional.empty(), ApiKeyRole.DEVICE))
                .hasValue(AccessPolicy.Denial.UNKNOWN);
        assertThat(
                        AccessPolicy.check(
                                Optional.of(key(ApiKeyRole.DEVICE, Instant.EPOCH)),
                                ApiKeyRole.DEVICE))
                .hasValue(AccessPolicy.Denial.REVOKED);
        assertThat(
                        AccessPolicy.check(
                                Optional.of(key(ApiKeyRole.OPERATOR, null)), ApiKeyRole.DEVICE))
                .hasValue(AccessPolicy.Denial.WRONG_ROLE);
        assertThat(AccessPolicy.check(Optional.of(key(ApiKeyRole.DEVICE, null)), ApiKeyRole.DEVICE))
                .isEmpty();
        assertThat(AccessPolicy.Denial.UNKNOWN.status()).isEqualTo(401);
        assertThat(AccessPolicy.Denial.REVOKED.status()).isEqualTo(403);
        assertThat(AccessPolicy.Denial.WRONG_ROLE.status()).isEqualTo(403);
    }

    @Test
    void keysCarryTheirRolePrefixAndOnlyTheirHashIsComparable() {
        String device = ApiKeySecrets.newKey(ApiKeyRole.DEVICE);
        String operator = ApiKeySecrets.newKey(ApiKeyRole.OPERATOR);

        assertThat(device).startsWith("ffd_").hasSize(4 + 43);
        assertThat(operator).startsWith("ffo_");
        assertThat(ApiKeySecrets.newKey(ApiKeyRole.DEVICE)).isNotEqualTo(device);
        assertThat(ApiKeySecrets.sha256(device))
                .hasSize(64)
                .isEqualTo(ApiKeySecrets.sha256(device));
        assertThat(ApiKeySecrets.sha256(device)).doesNotContain(device.substring(4));
        assertThat(ApiKeySecrets.displayPrefix(device)).hasSize(12);
    }
}
