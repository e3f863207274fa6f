package io.fleetflow.job.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(200));

    @Test
    void doublesPerAttemptUpToTheCap() {
        assertThat(backoff.delayMsAfter(1)).isEqualTo(200);
        assertThat(backoff.delayMsAfter(2)).isEqualTo(400);
        assertThat(backoff.delayMsAfter(4)).isEqualTo(1_600);
        assertThat(backoff.delayMsAfter(6)).isEqualTo(Backoff.MAX_DELAY.toMillis());
        assertThat(backoff.delayMsAfter(100)).isEqualTo(Backoff.MAX_DELAY.toMillis());
    }

    @Test
    void theDefaultRetryBudgetRidesOutADatabaseRestartOfSeveralSeconds() {
        // 200 + 400 + 800 + 1600 + 3200 + 5000 + 5000 ms between eight attempts
        assertThat(backoff.totalDelayMs(8)).isEqualTo(16_200);
        assertThat(backoff.totalDelayMs(1)).isZero();
    }
}
