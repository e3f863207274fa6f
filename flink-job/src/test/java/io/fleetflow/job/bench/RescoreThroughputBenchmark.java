package io.fleetflow.job.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.job.TripScoringJob;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.rescore.RescoreJob;
import io.fleetflow.job.rescore.RescoreProgress;
import io.fleetflow.job.rescore.RescoreSelection;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.model.schema.SchemaInitializer;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.testing.Medians;
import io.fleetflow.testing.TestChannels;
import io.fleetflow.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;

/**
 * Re-scoring throughput next to the streaming job's, same run. Not a test. Per run: the stored
 * trips' ids are preloaded in a fresh queue and the scoring job scores them (trips/s from the first
 * claim to the last score, as {@link JobThroughputBenchmark}); then, with that job still running,
 * {@link RescoreJob} re-scores every one of them: trips/s from the first score written after its
 * submission to the last (as the streaming figure), and from its submission (the bounded job's
 * start, selection and publishing included). Arguments: {@code PROFILE PARALLELISM RUNS}, profiles
 * S (2,000 × 100 samples), M (300 × 3,600), L (20 × 100,000). Uses FLEETFLOW_DB_URL (its trip
 * tables are truncated!) and FLEETFLOW_AMQP_URI.
 */
public final class RescoreThroughputBenchmark {

    private RescoreThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        String profile = args.length > 0 ? args[0] : "M";
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int[] shape =
                switch (profile) {
                    case "S" -> new int[] {2_000, 100};
                    case "M" -> new int[] {300, 3_600};
                    case "L" -> new int[] {20, 100_000};
                    default -> throw new IllegalArgumentException("profile S, M or L: " + profile);
                };
        List<Double> streaming = new ArrayList<>();
        List<Double> rescoring = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> withStart = new ArrayList<>();
        try (HikariDataSource db = TestServices.dataSource()) {
            SchemaInitializer.apply(db);
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("TRUNCATE telemetry.trip_logs, telemetry.driver_stats CASCADE");
            }
            List<UUID> ids = BenchTrips.store(db, shape[0], shape[1]);
            for (int run = 0; run <= runs; run++) { // run 0 warms up, discarded
                double[] rates = run(db, ids, parallelism);
                System.out.printf(
                        Locale.ROOT,
                        "%s p%d run %d: streaming %.1f trips/s, re-scoring %.1f trips/s (%.2fx),"
                                + " with the bounded job's start %.1f trips/s%s%n",
                        profile,
                        parallelism,
                        run,
                        rates[0],
                        rates[1],
                        rates[1] / rates[0],
                        rates[2],
                        run == 0 ? " (warm-up, discarded)" : "");
                if (run > 0) {
                    streaming.add(rates[0]);
                    rescoring.add(rates[1]);
                    ratios.add(rates[1] / rates[0]);
                    withStart.add(rates[2]);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "| %s (%d x %,d) | %d | %.1f | %.1f | %.2f (%s) | %.1f |%n",
                profile,
                shape[0],
                shape[1],
                parallelism,
                Medians.of(streaming),
                Medians.of(rescoring),
                Medians.of(ratios),
                ratios.stream()
                        .map(r -> String.format(Locale.ROOT, "%.2f", r))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse(""),
                Medians.of(withStart));
        System.exit(0);
    }

    /** Streaming trips/s and re-scoring trips/s of one run. */
    private static double[] run(HikariDataSource db, List<UUID> ids, int parallelism)
            throws Exception {
        BenchTrips.reset(db);
        String queue = "fleetflow_bench_" + UUID.randomUUID().toString().substring(0, 8);
        TestChannels.withChannel(ch -> TestChannels.declareQueue(ch, queue));
        try {
            BenchTrips.publish(TestServices.amqpUri(), queue, ids);
            JobOptions options = options(queue, parallelism);
            JobClient scoring =
                    new TripScoringJob(
                                    new RabbitTripIdSource(options),
                                    new JdbcResultSinks(options),
                                    Scorers.defaultScorer(),
                                    options)
                            .start(BenchCluster.environment(parallelism));
            try {
                long start =
                        waitFor(
                                db,
                                "SELECT count(*) FROM telemetry.trip_logs WHERE status <> 'PENDING'",
                                null,
                                1);
                long end =
                        waitFor(
                                db,
                                "SELECT count(*) FROM telemetry.driver_scores",
                                null,
                                ids.size());
                double streaming = ids.size() / ((end - start) / 1e9);

                RescoreSelection selection = RescoreSelection.of(options);
                Timestamp since;
                try (Connection c = db.getConnection()) {
                    since = RescoreProgress.databaseNow(c);
                }
                long rescoreStart = System.nanoTime();
                JobClient rescore =
                        new RescoreJob(selection, options)
                                .start(BenchCluster.environment(parallelism));
                long firstRescored =
                        waitFor(
                                db,
                                "SELECT count(*) FROM telemetry.driver_scores WHERE scored_at >= ?",
                                since,
                                1);
                long rescoreEnd =
                        waitFor(
                                db,
                                "SELECT count(*) FROM telemetry.driver_scores WHERE scored_at >= ?",
                                since,
                                ids.size());
                rescore.getJobExecutionResult().get();
                return new double[] {
                    streaming,
                    ids.size() / ((rescoreEnd - firstRescored) / 1e9),
                    ids.size() / ((rescoreEnd - rescoreStart) / 1e9)
                };
            } finally {
                scoring.cancel().get();
            }
        } finally {
            TestChannels.withChannel(ch -> ch.queueDelete(queue));
        }
    }

    private static JobOptions options(String queue, int parallelism) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--amqp-uri",
                                TestServices.amqpUri(),
                                "--queue",
                                queue,
                                "--amqp-connection-name",
                                queue,
                                "--jdbc-url",
                                TestServices.dbUrl(),
                                "--jdbc-user",
                                TestServices.dbUser(),
                                "--parallelism",
                                Integer.toString(parallelism),
                                "--from",
                                "2026-05-01",
                                "--to",
                                "2026-05-31"));
        if (!TestServices.dbPassword().isEmpty()) {
            args.addAll(List.of("--jdbc-password", TestServices.dbPassword()));
        }
        return JobOptions.fromArgs(args.toArray(String[]::new));
    }

    /** Polls {@code countSql} (with {@code param} as its one parameter, if given) every 20 ms. */
    private static long waitFor(HikariDataSource db, String countSql, Object param, long atLeast)
            throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = db.getConnection();
                    PreparedStatement ps = c.prepareStatement(countSql)) {
                if (param != null) {
                    ps.setObject(1, param);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= atLeast) {
                        return System.nanoTime();
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("timed out waiting for " + countSql + " >= " + atLeast);
    }
}
