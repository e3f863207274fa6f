package io.fleetflow.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.gateway.auth.AccessPolicy.Access;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static ApiKey key(ApiKeyRole role, Instant revokedAt) {
        return new ApiKey(1, role, "k", role.keyPrefix() + "abcdefgh", Instant.EPOCH, revokedAt);
    }

    @Test
    void ingestNeedsADeviceKeyReadsAViewerOrOperatorAndWritesAnOperator() {
        assertThat(AccessPolicy.requiredAccess("POST", "/api/v1/telemetry"))
                .isEqualTo(Access.INGEST);
        assertThat(AccessPolicy.requiredAccess("POST", "/api/v1/telemetry/"))
                .isEqualTo(Access.INGEST);
        assertThat(AccessPolicy.requiredAccess("GET", "/api/v1/trips")).isEqualTo(Access.READ);
        assertThat(AccessPolicy.requiredAccess("GET", "/api/v1/telemetryx")).isEqualTo(Access.READ);
        assertThat(AccessPolicy.requiredAccess("PUT", "/api/v1/vehicles/x"))
                .isEqualTo(Access.WRITE);
        assertThat(AccessPolicy.requiredAccess("POST", "/api/v1/drivers/import"))
                .isEqualTo(Access.WRITE);

        assertThat(Access.INGEST.grantedTo(ApiKeyRole.DEVICE)).isTrue();
        assertThat(Access.INGEST.grantedTo(ApiKeyRole.OPERATOR)).isFalse();
        assertThat(Access.READ.grantedTo(ApiKeyRole.VIEWER)).isTrue();
        assertThat(Access.READ.grantedTo(ApiKeyRole.OPERATOR)).isTrue();
        assertThat(Access.READ.grantedTo(ApiKeyRole.DEVICE)).isFalse();
        assertThat(Access.WRITE.grantedTo(ApiKeyRole.OPERATOR)).isTrue();
        assertThat(Access.WRITE.grantedTo(ApiKeyRole.VIEWER)).isFalse();
        assertThat(Access.WRITE.grantedTo(ApiKeyRole.DEVICE)).isFalse();
        assertThat(AccessPolicy.wrongRoleDetail(Access.WRITE, ApiKeyRole.VIEWER))
                .isEqualTo("this route needs an operator token (ffo_...), not a viewer key");
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
        assertThat(AccessPolicy.check(Optional.empty(), Access.INGEST))
                .hasValue(AccessPolicy.Denial.UNKNOWN);
        assertThat(
                        AccessPolicy.check(
                                Optional.of(key(ApiKeyRole.DEVICE, Instant.EPOCH)), Access.INGEST))
                .hasValue(AccessPolicy.Denial.REVOKED);
        assertThat(AccessPolicy.check(Optional.of(key(ApiKeyRole.OPERATOR, null)), Access.INGEST))
                .hasValue(AccessPolicy.Denial.WRONG_ROLE);
        assertThat(AccessPolicy.check(Optional.of(key(ApiKeyRole.DEVICE, null)), Access.INGEST))
                .isEmpty();
        assertThat(AccessPolicy.check(Optional.of(key(ApiKeyRole.VIEWER, null)), Access.WRITE))
                .hasValue(AccessPolicy.Denial.WRONG_ROLE);
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
        assertThat(ApiKeySecrets.newKey(ApiKeyRole.VIEWER)).startsWith("ffv_");
        assertThat(ApiKeySecrets.newKey(ApiKeyRole.DEVICE)).isNotEqualTo(device);
        assertThat(ApiKeySecrets.sha256(device))
                .hasSize(64)
                .isEqualTo(ApiKeySecrets.sha256(device));
        assertThat(ApiKeySecrets.sha256(device)).doesNotContain(device.substring(4));
        assertThat(ApiKeySecrets.displayPrefix(device)).hasSize(12);
    }
}
