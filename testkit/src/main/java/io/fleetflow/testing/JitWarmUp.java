package io.fleetflow.testing;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Benchmark warm-up that lasts until the code under load runs compiled: a round of load is repeated
 * for a minimum time, then until the JIT is quiet — until, over a window, the compilers spent less
 * than 5 % of the window's time compiling — or a maximum time has passed. On the shared 2-core
 * machine the gateway's ingest path kept the C2 compiler busy for about 80 s of load, and its
 * throughput nearly doubled meanwhile; a fixed 20 s warm-up measured that phase instead
 * (docs/benchmarks.md, "JIT warm-up").
 */
public final class JitWarmUp {

    /** One round of the load to warm up. */
    public interface Round {
        void run() throws Exception;
    }

    private static final double QUIET = 0.05;

    private JitWarmUp() {}

    /**
     * @return what the warm-up did, one line for the benchmark's output; it says so when the JIT
     *     was still busy at {@code max}
     */
    public static String untilQuiet(Round round, Duration min, Duration window, Duration max)
            throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long windowStart = start;
        long compiledAtWindowStart = jit.getTotalCompilationTime();
        while (true) {
            round.run();
            long now = System.nanoTime();
            if (now - windowStart < window.toNanos()) {
                continue;
            }
            double compiling =
                    (jit.getTotalCompilationTime() - compiledAtWindowStart)
                            / ((now - windowStart) / 1e6);
            boolean quiet = compiling < QUIET;
            if ((quiet && now - start >= min.toNanos()) || now - start >= max.toNanos()) {
                return String.format(
                        Locale.ROOT,
                        "%.0f s, JIT compiling %.0f %% of the last %.0f s%s",
                        (now - start) / 1e9,
                        compiling * 100,
                        (now - windowStart) / 1e9,
                        quiet ? "" : " (NOT QUIET: measured anyway)");
            }
            windowStart = now;
            compiledAtWindowStart = jit.getTotalCompilationTime();
        }
    }
}
