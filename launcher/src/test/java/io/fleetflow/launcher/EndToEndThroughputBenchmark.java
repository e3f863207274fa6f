package io.fleetflow.launcher;

import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.model.schema.SchemaInitializer;
import io.fleetflow.testing.JitWarmUp;
import io.fleetflow.testing.ServiceCpu;
import io.fleetflow.testing.TestServices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end throughput against ingest alone, profile S (100 samples per trip), issue 21's
 * "end-to-end S throughput ≥ 0.9 of ingest-alone": in each run, the same trips posted by 16
 * concurrent clients as fast as they are accepted (1) to the gateway alone (no job consuming:
 * trips/s from the first POST to the last 202) and (2) to the gateway with the job (MiniCluster,
 * parallelism 2, its source sized for twice the ingest rate of (1)) scoring them (trips/s from the
 * first POST to the last {@code completed_at}). Both print the CPU per trip of PostgreSQL, RabbitMQ
 * and this JVM and how many cores were busy. Gateway, job and clients in this JVM on the real
 * services; after a warm-up until the JIT is quiet, the ratio is per run, the table shows medians.
 * Not a test. Arguments: {@code RUNS TRIPS}. Uses FLEETFLOW_DB_URL (its trip tables are
 * truncated!).
 */
public final class EndToEndThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int trips = args.length > 1 ? Integer.parseInt(args[1]) : 4_000;
        List<String> bodies = EndToEndLatencyBenchmark.bodies(trips);
        List<double[]> results = new ArrayList<>();
        try (HikariDataSource db = TestServices.dataSource()) {
            SchemaInitializer.apply(db);
            // Warm-up, discarded: both paths repeated until the JIT is quiet. With one warm-up
            // run, ingest alone kept getting faster over the measured runs (1,700 -> 3,600
            // trips/s as C2 compiled the gateway), so the ratio drifted with it.
            String warm =
                    JitWarmUp.untilQuiet(
                            () -> measure(db, bodies),
                            Duration.ofSeconds(30),
                            Duration.ofSeconds(15),
                            Duration.ofSeconds(300));
            System.out.println("warm-up: " + warm);
            for (int run = 1; run <= runs; run++) {
                Timed[] both = measure(db, bodies);
                Timed alone = both[0];
                Timed endToEnd = both[1];
                double aloneMs = alone.cpuMsPerTrip(trips);
                double endToEndMs = endToEnd.cpuMsPerTrip(trips);
                double[] r = {
                    alone.tripsPerS(),
                    endToEnd.tripsPerS(),
                    endToEnd.tripsPerS() / alone.tripsPerS(),
                    aloneMs,
                    endToEndMs,
                    aloneMs / endToEndMs
                };
                System.out.printf(
                        Locale.ROOT,
                        "%s: ingest alone %.0f trips/s, end to end %.0f trips/s, ratio %.2f%n"
                                + "  CPU per trip: ingest alone %s (%.2f cores busy);"
                                + " end to end %s (%.2f cores busy); alone / end to end %.2f%n",
                        "run " + run,
                        r[0],
                        r[1],
                        r[2],
                        alone.cpu().perItem(trips),
                        alone.coresBusy(),
                        endToEnd.cpu().perItem(trips),
                        endToEnd.coresBusy(),
                        r[5]);
                results.add(r);
            }
        }
        BenchFigures.printMedians(
                results,
                "| Ingest alone trips/s | End to end trips/s | End to end / ingest alone"
                        + " | CPU ms per trip, ingest alone | CPU ms per trip, end to end"
                        + " | Alone / end to end (the cap when both are CPU-bound) |",
                "| %.0f | %.0f | %.2f | %.3f | %.3f | %.2f |",
                0,
                1,
                2,
                3,
                4,
                5);
        System.exit(0);
    }

    /**
     * A timed stretch: its rate, the CPU PostgreSQL, RabbitMQ and this JVM (gateway, job and
     * clients) used in it, and its length.
     */
    private record Timed(double tripsPerS, ServiceCpu cpu, double seconds) {
        double cpuMsPerTrip(int trips) {
            return (cpu.postgresNs() + cpu.rabbitmqNs() + cpu.jvmNs()) / 1e6 / trips;
        }

        double coresBusy() {
            return (cpu.postgresNs() + cpu.rabbitmqNs() + cpu.jvmNs()) / 1e9 / seconds;
        }
    }

    /**
     * One run: ingest alone, then end to end with the job's source sized for twice that rate, as in
     * JobThroughputBenchmark, so its prefetch never caps it below the rate it is compared with.
     */
    private static Timed[] measure(HikariDataSource db, List<String> bodies) throws Exception {
        Timed alone = ingestAlone(db, bodies);
        return new Timed[] {alone, endToEnd(db, bodies, (int) Math.ceil(2 * alone.tripsPerS()))};
    }

    /** The gateway alone: its queue fills, nothing consumes it. */
    private static Timed ingestAlone(HikariDataSource db, List<String> bodies) throws Exception {
        BenchStack.emptyTripTables(db);
        try (BenchStack stack = BenchStack.gatewayOnly()) {
            BenchPosts posts = new BenchPosts(stack.telemetryUri());
            ServiceCpu atStart = ServiceCpu.now();
            double tripsPerS = posts.peak(bodies);
            return new Timed(tripsPerS, ServiceCpu.now().since(atStart), bodies.size() / tripsPerS);
        }
    }

    /** The gateway and the job: trips/s until the last trip is scored. */
    private static Timed endToEnd(HikariDataSource db, List<String> bodies, int expectedRate)
            throws Exception {
        BenchStack.emptyTripTables(db);
        try (BenchStack stack = BenchStack.withJob(expectedRate)) {
            stack.awaitJobRunning();
            BenchPosts posts = new BenchPosts(stack.telemetryUri());
            ServiceCpu atStart = ServiceCpu.now();
            long startMs = System.currentTimeMillis();
            posts.peak(bodies);
            EndToEndLatencyBenchmark.waitForCompleted(db, bodies.size());
            ServiceCpu used = ServiceCpu.now().since(atStart);
            double seconds = (lastCompletedMs(db) - startMs) / 1000.0;
            return new Timed(bodies.size() / seconds, used, seconds);
        }
    }

    private static long lastCompletedMs(HikariDataSource db) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT (extract(epoch FROM max(completed_at)) * 1000)::bigint"
                                        + " FROM telemetry.trip_logs")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
