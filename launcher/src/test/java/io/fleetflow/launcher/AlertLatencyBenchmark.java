package io.fleetflow.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.gateway.alerts.AlertSettings;
import io.fleetflow.gateway.app.GatewayEnvironment;
import io.fleetflow.model.schema.SchemaInitializer;
import io.fleetflow.testing.TestServices;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Alert latency, docs/benchmarks.md "Alerts": from a trip's 202 to its alert's arrival at a local
 * webhook receiver (a JDK HttpServer), with the gateway (default alert settings: 500 ms poll) and
 * the job (MiniCluster, parallelism 2) in this JVM on the real services. Every trip (200 samples at
 * 10 Hz, 150 km/h throughout) has exactly one SEVERE speeding event, hence one alert. Each run
 * measures the peak ingest rate, waits until those alerts are delivered, then posts open-loop at
 * half of it. Not a test. Arguments: {@code RUNS SECONDS}. Uses FLEETFLOW_DB_URL (its trip tables
 * are truncated!).
 */
public final class AlertLatencyBenchmark {

    private static final int PEAK_TRIPS = 1_000;
    private static final int SAMPLES = 200;

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
                        "%s: peak ingest %.0f trips/s, paced %.0f trips/s, %.0f alerts, 202 → webhook"
                                + " p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms;"
                                + " %.0f answers 503 (sent again); 202 → stored p50 %.0f / p99 %.0f"
                                + " ms, stored → webhook p50 %.0f / p99 %.0f ms%n",
                        run == 0 ? "warm-up (discarded)" : "run " + run,
                        r[0],
                        r[1],
                        r[6],
                        r[2],
                        r[3],
                        r[4],
                        r[5],
                        r[7],
                        r[8],
                        r[9],
                        r[10],
                        r[11]);
                if (run > 0) {
                    results.add(r);
                }
            }
        }
        BenchFigures.printMedians(
                results,
                "| Peak ingest trips/s | Paced trips/s | p50 ms | p90 ms | p99 ms | max ms"
                        + " | 202 → stored p50 / p99 | stored → webhook p50 / p99 |",
                "| %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f / %.0f | %.0f / %.0f |",
                0,
                1,
                2,
                3,
                4,
                5,
                8,
                9,
                10,
                11);
        System.exit(0);
    }

    private static double[] run(HikariDataSource db, int seconds) throws Exception {
        BenchStack.emptyTripTables(db);
        List<String> bodies = bodies(PEAK_TRIPS + 3_000);
        Map<UUID, Long> receivedAtMs = new ConcurrentHashMap<>();
        HttpServer receiver = receiver(receivedAtMs);
        AlertSettings alerts =
                GatewayEnvironment.alertSettings(Map.of())
                        .withWebhook(
                                URI.create(
                                        "http://127.0.0.1:"
                                                + receiver.getAddress().getPort()
                                                + "/hook"),
                                "bench-secret");
        try (BenchStack stack = BenchStack.withJob(alerts)) {
            BenchPosts posts = new BenchPosts(stack.telemetryUri());
            try {
                double peak = posts.peak(bodies.subList(0, PEAK_TRIPS));
                waitFor(() -> receivedAtMs.size() >= PEAK_TRIPS, "peak alerts delivered");
                double rate = peak / 2;
                int trips = (int) Math.min(bodies.size() - PEAK_TRIPS, Math.round(rate * seconds));
                Map<UUID, Long> sentAtMs =
                        paced(posts, bodies.subList(PEAK_TRIPS, PEAK_TRIPS + trips), rate);
                waitFor(
                        () -> sentAtMs.keySet().stream().allMatch(receivedAtMs::containsKey),
                        "paced alerts delivered");
                List<Double> latencies = new ArrayList<>();
                sentAtMs.forEach(
                        (trip, sent) -> latencies.add((double) receivedAtMs.get(trip) - sent));
                Collections.sort(latencies);
                // Where the time goes: 202 → alert stored by the job (raised_at, the scoring
                // transaction's time), and stored → webhook (the gateway's dispatcher).
                Map<UUID, Long> raisedAtMs = raisedAtMs(db);
                List<Double> toStored = new ArrayList<>();
                List<Double> toWebhook = new ArrayList<>();
                sentAtMs.forEach(
                        (trip, sent) -> {
                            long raised = raisedAtMs.get(trip);
                            toStored.add((double) raised - sent);
                            toWebhook.add((double) receivedAtMs.get(trip) - raised);
                        });
                Collections.sort(toStored);
                Collections.sort(toWebhook);
                return new double[] {
                    peak,
                    rate,
                    BenchFigures.pct(latencies, 50),
                    BenchFigures.pct(latencies, 90),
                    BenchFigures.pct(latencies, 99),
                    latencies.get(latencies.size() - 1),
                    latencies.size(),
                    posts.rejected(),
                    BenchFigures.pct(toStored, 50),
                    BenchFigures.pct(toStored, 99),
                    BenchFigures.pct(toWebhook, 50),
                    BenchFigures.pct(toWebhook, 99)
                };
            } finally {
                receiver.stop(0);
            }
        }
    }

    /** Records when each trip's first alert arrived (the body names the trip). */
    private static HttpServer receiver(Map<UUID, Long> receivedAtMs) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext(
                "/hook",
                exchange -> {
                    long at = System.currentTimeMillis();
                    byte[] body;
                    try (InputStream in = exchange.getRequestBody()) {
                        body = in.readAllBytes();
                    }
                    UUID trip = UUID.fromString(json.readTree(body).get("trip_id").asText());
                    receivedAtMs.putIfAbsent(trip, at);
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        server.start();
        return server;
    }

    /**
     * Open loop: sends at fixed intervals whatever the answers' latency; 202 times by trip. A 503
     * is sent again after its Retry-After (counted by {@link BenchPosts}); the trip's time is that
     * of its 202, where the 5 s start.
     */
    private static Map<UUID, Long> paced(BenchPosts posts, List<String> bodies, double rate)
            throws Exception {
        Map<UUID, Long> acceptedAt = new ConcurrentHashMap<>();
        ObjectMapper json = new ObjectMapper();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(
                    posts.accepted(bodies.get(i))
                            .thenAccept(
                                    r -> {
                                        long at = System.currentTimeMillis();
                                        try {
                                            acceptedAt.put(
                                                    UUID.fromString(
                                                            json.readTree(r.body())
                                                                    .get("trip_id")
                                                                    .asText()),
                                                    at);
                                        } catch (Exception e) {
                                            throw new IllegalStateException(e);
                                        }
                                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        return acceptedAt;
    }

    /** Trips at 150 km/h throughout: one SEVERE speeding event each (limit 120, severe +20). */
    private static List<String> bodies(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Random r = new Random(i);
            StringBuilder data = new StringBuilder(SAMPLES * 64);
            for (int k = 0; k < SAMPLES; k++) {
                if (k > 0) {
                    data.append(',');
                }
                data.append(
                        String.format(
                                Locale.ROOT,
                                "{\"speed_kmh\":%.2f,\"g_force_long\":%.4f,\"g_force_lat\":%.4f}",
                                150 + r.nextGaussian() * 0.5,
                                r.nextGaussian() * 0.03,
                                r.nextGaussian() * 0.03));
            }
            out.add(
                    String.format(
                            Locale.ROOT,
                            "{\"vehicle_id\":\"%s\",\"driver_id\":\"%s\",\"timestamp\":\"2026-05-01T08:00:00Z\","
                                    + "\"sample_rate_hz\":10,\"data\":[%s]}",
                            UUID.randomUUID(),
                            new UUID(0xa1e27L, i % 50),
                            data));
        }
        return out;
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not in time: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** When each trip's alert was stored, by the database's clock (the same host's). */
    private static Map<UUID, Long> raisedAtMs(HikariDataSource db) throws Exception {
        Map<UUID, Long> raised = new HashMap<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT trip_id, (extract(epoch FROM raised_at) * 1000)::bigint"
                                        + " FROM telemetry.alerts")) {
            while (rs.next()) {
                raised.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }
        }
        return raised;
    }
}
