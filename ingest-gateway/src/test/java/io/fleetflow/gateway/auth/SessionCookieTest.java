package io.fleetflow.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void setsAnHttpOnlyStrictCookieForTheWholeSiteWithItsLife() {
        String id = SessionSecrets.newSessionId();

        assertThat(SessionCookie.set(id, Duration.ofHours(12), false))
                .isEqualTo(
                        "fleetflow_session="
                                + id
                                + "; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict");
        assertThat(SessionCookie.set(id, Duration.ofMillis(1500), true))
                .endsWith("; Max-Age=1; HttpOnly; SameSite=Strict; Secure");
    }

    @Test
    void clearingEmptiesTheCookieAndEndsItNow() {
        assertThat(SessionCookie.clear(false))
                .isEqualTo("fleetflow_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        assertThat(SessionCookie.clear(true)).endsWith("; Secure");
    }

    @Test
    void refusesAValueThatCouldBreakTheHeader() {
        assertThatThrownBy(() -> SessionCookie.set("a; Domain=evil", Duration.ofHours(1), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
