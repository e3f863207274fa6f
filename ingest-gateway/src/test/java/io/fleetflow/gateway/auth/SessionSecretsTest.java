package io.fleetflow.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionSecretsTest {

    @Test
    void sessionIdsAreLongRandomAndUrlSafe() {
        String a = SessionSecrets.newSessionId();
        String b = SessionSecrets.newSessionId();

        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
        assertThat(SessionSecrets.plausibleId(a)).isTrue();
    }

    @Test
    void implausibleCookieValuesAreNotLookedUp() {
        assertThat(SessionSecrets.plausibleId(null)).isFalse();
        assertThat(SessionSecrets.plausibleId("")).isFalse();
        assertThat(SessionSecrets.plausibleId("a b")).isFalse();
        assertThat(SessionSecrets.plausibleId("a;b")).isFalse();
        assertThat(SessionSecrets.plausibleId("x".repeat(101))).isFalse();
    }

    @Test
    void theCsrfTokenBelongsToOneSessionAndIsNeitherItsIdNorItsStoredHash() {
        String id = SessionSecrets.newSessionId();
        String csrf = SessionSecrets.csrfToken(id);

        assertThat(csrf).isEqualTo(SessionSecrets.csrfToken(id)).hasSize(43);
        assertThat(csrf).isNotEqualTo(SessionSecrets.csrfToken(SessionSecrets.newSessionId()));
        assertThat(csrf).isNotEqualTo(id).isNotEqualTo(ApiKeySecrets.sha256(id));
    }

    @Test
    void comparesSecretsExactly() {
        assertThat(SessionSecrets.same("abc", "abc")).isTrue();
        assertThat(SessionSecrets.same("abc", "abd")).isFalse();
        assertThat(SessionSecrets.same("abc", "ab")).isFalse();
        assertThat(SessionSecrets.same("abc", null)).isFalse();
        assertThat(SessionSecrets.same(null, "abc")).isFalse();
    }
}
