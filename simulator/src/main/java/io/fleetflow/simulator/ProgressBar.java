package io.fleetflow.simulator;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar redrawn in place on a terminal, at most five times a second. */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final String unit;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;

    public ProgressBar(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = Math.max(1, total);
        this.unit = unit;
    }

    public synchronized void update(long done, long failed) {
        long now = System.nanoTime();
        if (done < total && now - lastDrawNanos < 200_000_000L) {
            return;
        }
        lastDrawNanos = now;
        out.print('\r' + render(done, failed, (now - startNanos) / 1e9));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }

    String render(long done, long failed, double seconds) {
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        double rate = seconds > 0 ? done / seconds : 0;
        return String.format(
                Locale.ROOT,
                "[%s%s] %d/%d %s  %.1f %s/s  %d failed",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                done,
                total,
                unit,
                rate,
                unit,
                failed);
    }
}
