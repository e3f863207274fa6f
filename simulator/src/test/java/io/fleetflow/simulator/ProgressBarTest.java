package io.fleetflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersFillRateAndFailures() {
        ProgressBar bar =
                new ProgressBar(new PrintStream(new ByteArrayOutputStream()), 100, "trips");

        assertThat(bar.render(50, 2, 10.0))
                .isEqualTo("[###############---------------] 50/100 trips  5.0 trips/s  2 failed");
        assertThat(bar.render(100, 0, 4.0)).startsWith("[" + "#".repeat(30) + "] 100/100");
    }

    @Test
    void endsTheLineWhenDone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProgressBar(new PrintStream(out), 3, "trips").update(3, 0);

        assertThat(out.toString()).startsWith("\r[").endsWith(System.lineSeparator());
    }
}
