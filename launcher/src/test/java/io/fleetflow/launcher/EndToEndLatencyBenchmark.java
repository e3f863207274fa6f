package io.fleetflow.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.schema.SchemaInitializer;
import io.fleetflow.testing.SyntheticDriving;
import io.fleetflow.testing.TestServices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end latency from POST to COMPLETED, profile S (100 samples per trip), with the gateway and
 * the job (MiniCluster, parallelism 2) in this JVM on the real services. Each run first measures
 * the peak ingest rate (concurrent clients, as fast as accepted), then posts open-loop at half of
 * it and reads each trip's {@code completed_at}. Not a test. Arguments: {@code RUNS SECONDS}. Uses
 * FLEETFLOW_DB_URL (its trip tables are truncated!).
 */
public final class EndToEndLatencyBenchmark {

    private static final int PEAK_TRIPS = 1_000;
    private static final int SAMPLES = 100;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<double[]> results = new ArrayList<>();
        try (HikariDataSource db = TestServices.dataSource()) {
            SchemaInitializer.apply(db);
            for (int run = 0; run <= runs; run++) {
                double[] r = run(db, seconds);
                System.out.printf(
                        Locale.ROOT,
                        "%s: peak ingest %.0f trips/s, paced %.0f trips/s, p50 %.0f ms, p90 %.0f ms,"
                                + " p99 %.0f ms, max %.0f ms%n",
                        run == 0 ? "warm-up (discarded)" : "run " + run,
                        r[0],
                        r[1],
                        r[2],
                        r[3],
                        r[4],
                        r[5]);
                if (run > 0) {
                    results.add(r);
                }
            }
        }
        BenchFigures.printMedians(
                results,
                "| Peak ingest trips/s | Paced trips/s | p50 ms | p90 ms | p99 ms | max ms |",
                "| %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |",
                0,
                1,
                2,
                3,
                4,
                5);
        System.exit(0);
    }

    private static double[] run(HikariDataSource db, int seconds) throws Exception {
        BenchStack.emptyTripTables(db);
        List<String> bodies = bodies(PEAK_TRIPS + 3_000);
        try (BenchStack stack = BenchStack.withJob(null)) {
            BenchPosts posts = new BenchPosts(stack.telemetryUri());
            double peak = posts.peak(bodies.subList(0, PEAK_TRIPS));
            waitForCompleted(db, PEAK_TRIPS);
            double rate = peak / 2;
            int trips = (int) Math.min(bodies.size() - PEAK_TRIPS, Math.round(rate * seconds));
            Map<UUID, Long> sentAtMs =
                    paced(posts, bodies.subList(PEAK_TRIPS, PEAK_TRIPS + trips), rate);
            waitForCompleted(db, PEAK_TRIPS + trips);
            List<Double> latencies = latencies(db, sentAtMs);
            Collections.sort(latencies);
            return new double[] {
                peak,
                rate,
                BenchFigures.pct(latencies, 50),
                BenchFigures.pct(latencies, 90),
                BenchFigures.pct(latencies, 99),
                latencies.get(latencies.size() - 1)
            };
        }
    }

    /**
     * Open loop: sends at fixed intervals whatever the answers' latency; each trip's time is when
     * it was first sent (a 503 is sent again after its Retry-After).
     */
    private static Map<UUID, Long> paced(BenchPosts posts, List<String> bodies, double rate)
            throws Exception {
        Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        ObjectMapper json = new ObjectMapper();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long sentMs = System.currentTimeMillis();
            pending.add(
                    posts.accepted(bodies.get(i))
                            .thenAccept(
                                    r -> {
                                        try {
                                            sentAt.put(
                                                    UUID.fromString(
                                                            json.readTree(r.body())
                                                                    .get("trip_id")
                                                                    .asText()),
                                                    sentMs);
                                        } catch (Exception e) {
                                            throw new IllegalStateException(e);
                                        }
                                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        return sentAt;
    }

    private static List<Double> latencies(HikariDataSource db, Map<UUID, Long> sentAtMs)
            throws Exception {
        List<Double> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT id, extract(epoch FROM completed_at) * 1000 FROM telemetry.trip_logs"
                                        + " WHERE status = 'COMPLETED'")) {
            while (rs.next()) {
                Long sent = sentAtMs.get(rs.getObject(1, UUID.class));
                if (sent != null) {
                    out.add(rs.getDouble(2) - sent);
                }
            }
        }
        if (out.size() != sentAtMs.size()) {
            throw new IllegalStateException(
                    out.size() + " of " + sentAtMs.size() + " trips completed");
        }
        return out;
    }

    static List<String> bodies(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TripSamples s = SyntheticDriving.samples(new Random(i), SAMPLES);
            StringBuilder data = new StringBuilder(SAMPLES * 64);
            for (int k = 0; k < s.size(); k++) {
                if (k > 0) {
                    data.append(',');
                }
                data.append(
                        String.format(
                                Locale.ROOT,
                                "{\"speed_kmh\":%.2f,\"g_force_long\":%.4f,\"g_force_lat\":%.4f}",
                                s.speedKmh()[k],
                                s.gForceLong()[k],
                                s.gForceLat()[k]));
            }
            out.add(
                    String.format(
                            Locale.ROOT,
                            "{\"vehicle_id\":\"%s\",\"driver_id\":\"%s\",\"timestamp\":\"2026-05-01T08:00:00Z\","
                                    + "\"sample_rate_hz\":10,\"data\":[%s]}",
                            UUID.randomUUID(),
                            new UUID(0xbe4cL, i % 50),
                            data));
        }
        return out;
    }

    static void waitForCompleted(HikariDataSource db, long n) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery(
                                    "SELECT count(*) FROM telemetry.trip_logs WHERE status = 'COMPLETED'")) {
                rs.next();
                if (rs.getLong(1) >= n) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("trips not completed in time");
    }
}
