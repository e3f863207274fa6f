package io.fleetflow.gateway.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.GatewayConfig;
import io.fleetflow.testing.JitWarmUp;
import io.fleetflow.testing.ServiceCpu;
import io.fleetflow.testing.TestChannels;
import io.fleetflow.testing.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator and benchmark of the ingest path, all measured in the same run on the same
 * machine: (a) the PostgreSQL ceiling, the same bodies inserted as JSONB by a minimal JDBC client,
 * one transaction per trip, at the same concurrency; (b) the gateway, {@code POST
 * /api/v1/telemetry} with a device key; (c) {@code GET /health/live} as an HTTP baseline. After an
 * unrecorded warm-up of each (until the JIT is quiet), every measurement is repeated and medians
 * are reported.
 *
 * <p>Arguments: {@code PROFILE:CONCURRENCY ...} with profiles S (2000 trips x 100 samples), M (300
 * x 3600) and L (20 x 100000), e.g. {@code S:16 S:64 M:16}; {@code runs=N} (default 3).
 */
public final class IngestBenchmark {

    record Profile(String name, int trips, int samples) {}

    record Result(double perSecond, double p50Ms, double p99Ms, int failures) {}

    private static final List<Profile> PROFILES =
            List.of(
                    new Profile("S", 2000, 100),
                    new Profile("M", 300, 3600),
                    new Profile("L", 20, 100_000));

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * Whether requests go through the JDK's HttpClient instead of {@link KeepAliveHttpConnection}.
     */
    private final boolean jdkClient;

    /** Each load worker's own connection; closed after every load. */
    private final ThreadLocal<KeepAliveHttpConnection> connection = new ThreadLocal<>();

    private final java.util.Queue<KeepAliveHttpConnection> openConnections =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * {@code gateway} or {@code ceiling} to load only that path, run after run (no ratios): for
     * profiling one path with {@code perf} or JFR, never for figures; {@code null} for the
     * benchmark.
     */
    private final String only;

    IngestBenchmark(boolean jdkClient, String only) {
        this.jdkClient = jdkClient;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        boolean jdkClient = false;
        String only = null;
        List<String> cases = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("runs=")) {
                runs = Integer.parseInt(a.substring(5));
            } else if (a.equals("client=jdk")) {
                jdkClient = true;
            } else if (a.startsWith("only=")) {
                only = a.substring(5);
            } else {
                cases.add(a);
            }
        }
        if (cases.isEmpty()) {
            cases = List.of("S:16", "S:64");
        }
        new IngestBenchmark(jdkClient, only).run(cases, runs);
        System.exit(0);
    }

    private void run(List<String> cases, int runs) throws Exception {
        String queue = "telemetry_analysis_bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (HikariDataSource db = TestServices.dataSource()) {
            db.setMaximumPoolSize(1);
            try (java.sql.Connection c = db.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS bench");
                s.execute(
                        "CREATE TABLE IF NOT EXISTS bench.raw_trips (id uuid PRIMARY KEY,"
                                + " received_at timestamptz NOT NULL DEFAULT now(), body jsonb NOT NULL)");
            }
        }
        Gateway gateway =
                Gateway.start(
                        GatewayConfig.local(
                                        TestServices.dbUrl(),
                                        TestServices.dbUser(),
                                        TestServices.amqpUri(),
                                        queue)
                                .toBuilder()
                                .authEnabled(true)
                                .devCredentials(true)
                                .maxConcurrentIngests(256)
                                .build());
        String key = gateway.devCredentials().orElseThrow().deviceKey();
        System.out.printf(
                Locale.ROOT,
                "%nmachine: %d cores, %s %s, JVM %s; HTTP client: %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                jdkClient ? "JDK HttpClient" : "one keep-alive socket per worker");
        try {
            for (String c : cases) {
                String[] parts = c.split(":");
                Profile profile =
                        PROFILES.stream()
                                .filter(p -> p.name().equals(parts[0]))
                                .findFirst()
                                .orElseThrow();
                int concurrency = Integer.parseInt(parts[1]);
                measure(profile, concurrency, runs, gateway.port(), key, queue);
            }
        } finally {
            gateway.close();
            deleteQueue(queue);
        }
    }

    private void measure(
            Profile profile, int concurrency, int runs, int port, String key, String queue)
            throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < Math.min(50, profile.trips()); i++) {
            bodies.add(body(random, profile.samples()));
        }
        List<Result> ceiling = new ArrayList<>();
        List<Result> gateway = new ArrayList<>();
        List<Result> health = new ArrayList<>();
        List<ServiceCpu> ceilingCpu = new ArrayList<>();
        List<ServiceCpu> gatewayCpu = new ArrayList<>();
        try (HikariDataSource db = TestServices.dataSource()) {
            db.setMaximumPoolSize(concurrency);
            // Warm-up, not recorded: JIT, connection pools and caches on all three paths.
            int warmUp = Math.min(profile.trips(), 300);
            warmUp("health", warmUp, concurrency, i -> health(port));
            warmUp("ceiling", warmUp, concurrency, i -> insert(db, bodies.get(i % bodies.size())));
            warmUp(
                    "gateway",
                    warmUp,
                    concurrency,
                    i -> post(port, key, bodies.get(i % bodies.size())));
            reset(db, queue);
            if (only != null) {
                Call call =
                        only.equals("ceiling")
                                ? i -> insert(db, bodies.get(i % bodies.size()))
                                : i -> post(port, key, bodies.get(i % bodies.size()));
                for (int r = 0; r < runs; r++) {
                    Result one = load(profile.trips(), concurrency, call);
                    System.out.printf(
                            Locale.ROOT,
                            "  %s only: %.1f trips/s p50 %.1f ms p99 %.1f ms failures %d%n",
                            only,
                            one.perSecond(),
                            one.p50Ms(),
                            one.p99Ms(),
                            one.failures());
                }
                return;
            }
            for (int r = 0; r < runs; r++) {
                health.add(load(profile.trips(), concurrency, i -> health(port)));
                ServiceCpu atStart = ServiceCpu.now();
                ceiling.add(
                        load(
                                profile.trips(),
                                concurrency,
                                i -> insert(db, bodies.get(i % bodies.size()))));
                ceilingCpu.add(ServiceCpu.now().since(atStart));
                atStart = ServiceCpu.now();
                gateway.add(
                        load(
                                profile.trips(),
                                concurrency,
                                i -> post(port, key, bodies.get(i % bodies.size()))));
                gatewayCpu.add(ServiceCpu.now().since(atStart));
                reset(db, queue);
            }
        }
        Result h = median(health);
        Result c = median(ceiling);
        Result g = median(gateway);
        System.out.printf(
                Locale.ROOT,
                "%s (%d trips x %d samples, %.0f KB/body) concurrency %d, median of %d runs:%n"
                        + "  /health/live      %8.1f req/s  p50 %6.1f ms  p99 %6.1f ms%n"
                        + "  PostgreSQL JSONB  %8.1f trips/s p50 %6.1f ms  p99 %6.1f ms%n"
                        + "  gateway ingest    %8.1f trips/s p50 %6.1f ms  p99 %6.1f ms  failures %d%n"
                        + "  gateway / ceiling %.2f   gateway / health %.3f%n",
                profile.name(),
                profile.trips(),
                profile.samples(),
                bodies.get(0).length / 1024.0,
                concurrency,
                runs,
                h.perSecond(),
                h.p50Ms(),
                h.p99Ms(),
                c.perSecond(),
                c.p50Ms(),
                c.p99Ms(),
                g.perSecond(),
                g.p50Ms(),
                g.p99Ms(),
                g.failures(),
                g.perSecond() / c.perSecond(),
                g.perSecond() / h.perSecond());
        System.out.printf(
                Locale.ROOT,
                "  runs gateway/ceiling: %s%n",
                Arrays.toString(
                        java.util.stream.IntStream.range(0, runs)
                                .mapToObj(
                                        i ->
                                                String.format(
                                                        Locale.ROOT,
                                                        "%.2f",
                                                        gateway.get(i).perSecond()
                                                                / ceiling.get(i).perSecond()))
                                .toArray()));
        if (ServiceCpu.servicesVisible()) {
            System.out.printf(
                    "  CPU ms per trip while loaded, medians: ceiling %s; gateway %s"
                            + " (JVM = load generator and gateway; publishes still queued when a run"
                            + " ends fall outside it)%n",
                    ServiceCpu.median(ceilingCpu).perItem(profile.trips()),
                    ServiceCpu.median(gatewayCpu).perItem(profile.trips()));
        }
    }

    @FunctionalInterface
    interface Call {
        boolean run(int i) throws Exception;
    }

    /**
     * Deletes what the ceiling and the gateway stored, so every run starts from the same tables and
     * an empty queue (as when the job keeps up): the gateway's rows are deleted (the database may
     * hold others) and vacuumed at once, so no autovacuum of them runs during a later measurement,
     * the ceiling's table is truncated and the queue purged.
     */
    private static void reset(HikariDataSource db, String queue) throws Exception {
        purge(queue);
        try (java.sql.Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE bench.raw_trips");
            // The gateway may still be marking these rows published, in its own row order.
            for (int attempt = 1; ; attempt++) {
                try {
                    s.execute(
                            "DELETE FROM telemetry.trip_logs WHERE vehicle_id = '" + VEHICLE + "'");
                    break;
                } catch (java.sql.SQLException e) {
                    if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                        throw e; // not a deadlock, or one too many
                    }
                    Thread.sleep(200);
                }
            }
            s.execute("VACUUM telemetry.trip_logs");
            // the samples' rows went with the trips' (ON DELETE CASCADE); VACUUM of the
            // partitioned table vacuums every week
            s.execute("VACUUM telemetry.trip_samples");
        }
    }

    /** Loads a path until it runs compiled code ({@link JitWarmUp}). */
    private void warmUp(String path, int n, int concurrency, Call call) throws Exception {
        String done =
                JitWarmUp.untilQuiet(
                        () -> load(n, concurrency, call),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(240));
        System.out.printf(Locale.ROOT, "  warm-up %s: %s%n", path, done);
    }

    private Result load(int n, int concurrency, Call call) throws Exception {
        try {
            return loadOnce(n, concurrency, call);
        } finally {
            KeepAliveHttpConnection c;
            while ((c = openConnections.poll()) != null) {
                c.close();
            }
        }
    }

    private KeepAliveHttpConnection connection(int port) throws java.io.IOException {
        KeepAliveHttpConnection c = connection.get();
        if (c == null) {
            c = new KeepAliveHttpConnection(port);
            connection.set(c);
            openConnections.add(c);
        }
        return c;
    }

    private static Result loadOnce(int n, int concurrency, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(
                    pool.submit(
                            () -> {
                                int i;
                                while ((i = next.getAndIncrement()) < n) {
                                    long t0 = System.nanoTime();
                                    boolean ok;
                                    try {
                                        ok = call.run(i);
                                    } catch (Exception e) {
                                        ok = false;
                                    }
                                    latencies[i] = System.nanoTime() - t0;
                                    if (!ok) {
                                        failures.incrementAndGet();
                                    }
                                }
                                return null;
                            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(
                n / (elapsed / 1e9),
                latencies[(int) (n * 0.50)] / 1e6,
                latencies[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
                failures.get());
    }

    private static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
        Result mid = sorted.get(sorted.size() / 2);
        double[] p99 = results.stream().mapToDouble(Result::p99Ms).sorted().toArray();
        double[] p50 = results.stream().mapToDouble(Result::p50Ms).sorted().toArray();
        int failures = results.stream().mapToInt(Result::failures).sum();
        return new Result(mid.perSecond(), p50[p50.length / 2], p99[p99.length / 2], failures);
    }

    private boolean health(int port) throws Exception {
        if (!jdkClient) {
            return connection(port)
                            .send(
                                    KeepAliveHttpConnection.head(
                                            "GET", "/health/live", port, "", -1),
                                    null)
                    == 200;
        }
        HttpResponse<Void> r =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/health/live"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200;
    }

    private boolean post(int port, String key, byte[] body) throws Exception {
        if (!jdkClient) {
            byte[] head =
                    KeepAliveHttpConnection.head(
                            "POST",
                            "/api/v1/telemetry",
                            port,
                            "Content-Type: application/json\r\nAuthorization: Bearer "
                                    + key
                                    + "\r\n",
                            body.length);
            return connection(port).send(head, body) == 202;
        }
        HttpResponse<Void> r =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:" + port + "/api/v1/telemetry"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + key)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 202;
    }

    private static boolean insert(HikariDataSource db, byte[] body) throws Exception {
        try (java.sql.Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO bench.raw_trips (id, body) VALUES (?, ?::jsonb)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, new String(body, java.nio.charset.StandardCharsets.UTF_8));
            return ps.executeUpdate() == 1;
        }
    }

    private static final String VEHICLE = "b0000000-0000-4000-8000-000000000001";

    static byte[] body(Random random, int samples) {
        StringBuilder sb = new StringBuilder(samples * 80 + 200);
        sb.append("{\"vehicle_id\":\"")
                .append(VEHICLE)
                .append("\",\"driver_id\":\"")
                .append(UUID.randomUUID())
                .append(
                        "\",\"timestamp\":\"2026-05-01T08:00:00Z\",\"sample_rate_hz\":10,\"data\":[");
        double speed = 50;
        for (int i = 0; i < samples; i++) {
            speed = Math.max(0, Math.min(180, speed + random.nextGaussian()));
            if (i > 0) {
                sb.append(',');
            }
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "{\"t\":%d,\"speed_kmh\":%.2f,\"g_force_long\":%.3f,\"g_force_lat\":%.3f}",
                            i * 100,
                            speed,
                            random.nextGaussian() * 0.1,
                            random.nextGaussian() * 0.05));
        }
        return sb.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void purge(String queue) throws Exception {
        TestChannels.withChannel(ch -> ch.queuePurge(queue));
    }

    private static void deleteQueue(String queue) throws Exception {
        TestChannels.withChannel(ch -> ch.queueDelete(queue));
    }
}
