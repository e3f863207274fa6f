package io.fleetflow.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieWriteCheckTest {

    private static final String OWN = "http://127.0.0.1:8080";
    private static final String CSRF = "good-csrf-token";

    @Test
    void readsNeedNoCsrfTokenNorOrigin() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "get"}) {
            assertThat(CookieWriteCheck.refusal(method, null, CSRF, "https://evil.example", OWN))
                    .as(method)
                    .isEmpty();
        }
    }

    @Test
    void writesNeedTheSessionsCsrfToken() {
        assertThat(CookieWriteCheck.refusal("POST", null, CSRF, null, OWN))
                .hasValueSatisfying(d -> assertThat(d).contains("X-CSRF-Token").contains("GET"));
        assertThat(CookieWriteCheck.refusal("PUT", " ", CSRF, null, OWN)).isPresent();
        assertThat(CookieWriteCheck.refusal("DELETE", "other-token", CSRF, null, OWN))
                .hasValueSatisfying(d -> assertThat(d).contains("does not match"));
        assertThat(CookieWriteCheck.refusal("POST", CSRF, CSRF, null, OWN)).isEmpty();
        assertThat(CookieWriteCheck.refusal("PATCH", CSRF, CSRF, OWN, OWN)).isEmpty();
    }

    @Test
    void writesFromAnotherOriginAreRefusedEvenWithTheToken() {
        assertThat(CookieWriteCheck.refusal("POST", CSRF, CSRF, "https://evil.example", OWN))
                .hasValueSatisfying(d -> assertThat(d).contains("https://evil.example"));
        assertThat(CookieWriteCheck.refusal("POST", CSRF, CSRF, "null", OWN)).isPresent();
        assertThat(CookieWriteCheck.refusal("POST", CSRF, CSRF, "http://127.0.0.1:9090", OWN))
                .isPresent();
        assertThat(CookieWriteCheck.refusal("POST", CSRF, CSRF, "https://127.0.0.1:8080", OWN))
                .isPresent();
        assertThat(CookieWriteCheck.foreignOrigin("HTTP://127.0.0.1:8080", OWN)).isEmpty();
    }

    @Test
    void theOwnOriginFollowsTlsAndTheProxysScheme() {
        assertThat(CookieWriteCheck.ownOrigin("http", null, "127.0.0.1:8080")).isEqualTo(OWN);
        assertThat(CookieWriteCheck.ownOrigin("http", "https", "fleet.example"))
                .isEqualTo("https://fleet.example");
        assertThat(CookieWriteCheck.ownOrigin("https", null, "fleet.example:443"))
                .isEqualTo("https://fleet.example");
        assertThat(CookieWriteCheck.ownOrigin("http", null, "fleet.example:80"))
                .isEqualTo("http://fleet.example");
        assertThat(CookieWriteCheck.secure("http", "https, http")).isTrue();
        assertThat(CookieWriteCheck.secure("https", null)).isTrue();
        assertThat(CookieWriteCheck.secure("http", null)).isFalse();
        assertThat(CookieWriteCheck.secure("http", "http")).isFalse();
    }
}
