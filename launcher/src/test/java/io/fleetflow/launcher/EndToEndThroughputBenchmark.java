package io.fleetflow.launcher;

import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.model.schema.SchemaInitializer;
import io.fleetflow.testing.TestServices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end throughput against ingest alone, profile S (100 samples per trip), issue 21's
 * "end-to-end S throughput ≥ 0.9 of ingest-alone": in each run, the same trips posted by 16
 * concurrent clients as fast as they are accepted (1) to the gateway alone (no job consuming:
 * trips/s from the first POST to the last 202) and (2) to the gateway with the job (MiniCluster,
 * parallelism 2) scoring them (trips/s from the first POST to the last {@code completed_at}).
 * Gateway, job and clients in this JVM on the real services; the ratio is per run, the table shows
 * medians. Not a test. Arguments: {@code RUNS TRIPS}. Uses FLEETFLOW_DB_URL (its trip tables are
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
            for (int run = 0; run <= runs; run++) {
                double alone = ingestAlone(db, bodies);
                double endToEnd = endToEnd(db, bodies);
                double[] r = {alone, endToEnd, endToEnd / alone};
                System.out.printf(
                        Locale.ROOT,
                        "%s: ingest alone %.0f trips/s, end to end %.0f trips/s, ratio %.2f%n",
                        run == 0 ? "warm-up (discarded)" : "run " + run,
                        r[0],
                        r[1],
                        r[2]);
                if (run > 0) {
                    results.add(r);
                }
            }
        }
        System.out.println();
        System.out.println(
                "| Ingest alone trips/s | End to end trips/s | End to end / ingest alone |");
        System.out.println("|---|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| %.0f | %.0f | %.2f |%n",
                BenchFigures.median(results, 0),
                BenchFigures.median(results, 1),
                BenchFigures.median(results, 2));
        System.exit(0);
    }

    /** The gateway alone: its queue fills, nothing consumes it. */
    private static double ingestAlone(HikariDataSource db, List<String> bodies) throws Exception {
        BenchStack.emptyTripTables(db);
        try (BenchStack stack = BenchStack.gatewayOnly()) {
            return new BenchPosts(stack.telemetryUri()).peak(bodies);
        }
    }

    /** The gateway and the job: trips/s until the last trip is scored. */
    private static double endToEnd(HikariDataSource db, List<String> bodies) throws Exception {
        BenchStack.emptyTripTables(db);
        try (BenchStack stack = BenchStack.withJob(null)) {
            stack.awaitJobRunning();
            long startMs = System.currentTimeMillis();
            new BenchPosts(stack.telemetryUri()).peak(bodies);
            EndToEndLatencyBenchmark.waitForCompleted(db, bodies.size());
            return bodies.size() / ((lastCompletedMs(db) - startMs) / 1000.0);
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
