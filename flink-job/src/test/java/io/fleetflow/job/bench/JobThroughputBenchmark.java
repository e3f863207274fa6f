package io.fleetflow.job.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.job.TripScoringJob;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.LookupOptions;
import io.fleetflow.job.options.RuntimeOptions;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.model.schema.SamplePartitions;
import io.fleetflow.model.schema.SchemaInitializer;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.testing.JitWarmUp;
import io.fleetflow.testing.Medians;
import io.fleetflow.testing.ServiceCpu;
import io.fleetflow.testing.TestChannels;
import io.fleetflow.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Job throughput with N trip ids preloaded in the queue, next to the PostgreSQL read ceiling: the
 * same blobs read by id with plain JDBC at the job's lookup concurrency, measured in the same run.
 * Not a test. Each configuration gets discarded warm-up runs (for at least 20 s, then until the JIT
 * is quiet, see {@link JitWarmUp}). Arguments: {@code PROFILE[,PROFILE..] PARALLELISM[,..] RUNS
 * [--job-option value ...]}, profiles S, M, L (or TRIPSxSAMPLES, e.g. 40000x100, for a longer run
 * to profile); the options after the first three are the job's own ({@link JobOptions#fromArgs}),
 * e.g. {@code --lookup-pool-size 8}. Unless {@code --expected-rate} is given, each run sizes the
 * source's prefetch for twice the read ceiling just measured, so the prefetch never caps the job
 * below the rate it is compared with. Uses FLEETFLOW_DB_URL (its trip tables are truncated!) and
 * FLEETFLOW_AMQP_URI.
 */
public final class JobThroughputBenchmark {

    private record Profile(String name, int trips, int samples) {}

    private record Result(
            Timed job,
            Timed ceiling,
            double cpuTripsPerS,
            double sourceOnlyTripsPerS,
            double withoutWritesTripsPerS) {

        double jobTripsPerS() {
            return job.tripsPerS();
        }

        double ceilingTripsPerS() {
            return ceiling.tripsPerS();
        }
    }

    /**
     * A timed stretch: its rate, and the CPU time PostgreSQL, RabbitMQ and this JVM used during it
     * (from the first claimed trip to the last score, for the job).
     */
    record Timed(double tripsPerS, ServiceCpu cpu) {}

    /**
     * {@code -Dbench.floors=true}: each run also measures the source alone and the job without its
     * writes ({@link StageFloors}), after the job.
     */
    private static final boolean FLOORS = Boolean.getBoolean("bench.floors");

    /** Options the benchmark sets itself: the queue is per run, parallelism per configuration. */
    private static final Set<String> FIXED_OPTIONS =
            Set.of("queue", "amqp-connection-name", "parallelism", "amqp-uri", "jdbc-url");

    public static void main(String[] args) throws Exception {
        String[] profiles = (args.length > 0 ? args[0] : "S,M,L").split(",");
        String[] parallelisms = (args.length > 1 ? args[1] : "1,2").split(",");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Map<String, String> overrides =
                ParameterTool.fromArgs(
                                Arrays.copyOfRange(args, Math.min(3, args.length), args.length))
                        .toMap();
        for (String key : overrides.keySet()) {
            if (FIXED_OPTIONS.contains(key)) {
                throw new IllegalArgumentException("--" + key + " is set by the benchmark");
            }
        }
        System.out.println("job options: " + overrides);
        List<String> table = new ArrayList<>();
        List<String> floorTable = new ArrayList<>();
        List<String> cpuTable = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        try (HikariDataSource db = TestServices.dataSource()) {
            SchemaInitializer.apply(db);
            for (String p : profiles) {
                Profile profile = profile(p.trim());
                truncate(db);
                long t = System.nanoTime();
                List<UUID> ids = BenchTrips.store(db, profile.trips(), profile.samples());
                System.out.printf(
                        "%s: stored %d trips x %d samples in %.1f s%n",
                        profile.name(),
                        profile.trips(),
                        profile.samples(),
                        (System.nanoTime() - t) / 1e9);
                for (String par : parallelisms) {
                    int parallelism = Integer.parseInt(par.trim());
                    List<Double> job = new ArrayList<>();
                    List<Double> ceiling = new ArrayList<>();
                    List<Double> ratio = new ArrayList<>();
                    List<Double> cpu = new ArrayList<>();
                    List<Double> sourceOnly = new ArrayList<>();
                    List<Double> withoutWrites = new ArrayList<>();
                    List<ServiceCpu> ceilingCpu = new ArrayList<>();
                    List<ServiceCpu> jobCpu = new ArrayList<>();
                    // Warm-up, discarded: JIT and classes. One S run is half a second of work, far
                    // too little for C2 (a profile taken in a first run of 40,000 S-sized trips,
                    // seconds in, still showed the compiler threads using a fifth of the CPU), so
                    // warm-up runs repeat until the JIT is quiet.
                    String warm =
                            JitWarmUp.untilQuiet(
                                    () -> run(db, ids, parallelism, overrides),
                                    Duration.ofSeconds(20),
                                    Duration.ofSeconds(10),
                                    Duration.ofSeconds(300));
                    System.out.printf("%s p=%d warm-up: %s%n", profile.name(), parallelism, warm);
                    for (int run = 1; run <= runs; run++) {
                        Result r = run(db, ids, parallelism, overrides);
                        job.add(r.jobTripsPerS());
                        ceiling.add(r.ceilingTripsPerS());
                        ratio.add(r.jobTripsPerS() / r.ceilingTripsPerS());
                        cpu.add(r.cpuTripsPerS());
                        sourceOnly.add(r.sourceOnlyTripsPerS());
                        withoutWrites.add(r.withoutWritesTripsPerS());
                        ceilingCpu.add(r.ceiling().cpu());
                        jobCpu.add(r.job().cpu());
                        System.out.printf(
                                Locale.ROOT,
                                "%s p=%d run %d: job %.1f trips/s, read ceiling %.1f trips/s, ratio %.2f,"
                                        + " decode+score only %.1f trips/s%s%n",
                                profile.name(),
                                parallelism,
                                run,
                                r.jobTripsPerS(),
                                r.ceilingTripsPerS(),
                                r.jobTripsPerS() / r.ceilingTripsPerS(),
                                r.cpuTripsPerS(),
                                FLOORS
                                        ? String.format(
                                                Locale.ROOT,
                                                ", source only %.1f (%.2f of ceiling),"
                                                        + " job without writes %.1f (%.2f)",
                                                r.sourceOnlyTripsPerS(),
                                                r.sourceOnlyTripsPerS() / r.ceilingTripsPerS(),
                                                r.withoutWritesTripsPerS(),
                                                r.withoutWritesTripsPerS() / r.ceilingTripsPerS())
                                        : "");
                        System.out.printf(
                                "%s p=%d run %d: CPU per trip: read ceiling %s; job %s%n",
                                profile.name(),
                                parallelism,
                                run,
                                r.ceiling().cpu().perItem(ids.size()),
                                r.job().cpu().perItem(ids.size()));
                    }
                    // If the job's PostgreSQL work were all that used the cores, it could not go
                    // faster than this, whatever Flink and the lookup cost.
                    ServiceCpu ceilingMedian = ServiceCpu.median(ceilingCpu);
                    ServiceCpu jobMedian = ServiceCpu.median(jobCpu);
                    int trips = ids.size();
                    double postgresBound = cores * 1000 / jobMedian.postgresMsPer(trips);
                    cpuTable.add(
                            String.format(
                                    Locale.ROOT,
                                    "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f | %.2f |",
                                    profile.name(),
                                    parallelism,
                                    ceilingMedian.postgresMsPer(trips),
                                    ceilingMedian.jvmMsPer(trips),
                                    jobMedian.postgresMsPer(trips),
                                    jobMedian.rabbitmqMsPer(trips),
                                    jobMedian.jvmMsPer(trips),
                                    postgresBound,
                                    postgresBound / Medians.of(ceiling)));
                    if (FLOORS) {
                        floorTable.add(
                                String.format(
                                        Locale.ROOT,
                                        "| %s | %d | %.1f | %.1f | %.2f | %.1f | %.2f | %.2f |",
                                        profile.name(),
                                        parallelism,
                                        Medians.of(ceiling),
                                        Medians.of(sourceOnly),
                                        medianRatio(sourceOnly, ceiling),
                                        Medians.of(withoutWrites),
                                        medianRatio(withoutWrites, ceiling),
                                        Medians.of(ratio)));
                    }
                    table.add(
                            String.format(
                                    Locale.ROOT,
                                    "| %s (%d × %,d) | %d | %.1f | %,.0f | %.1f | %.2f | %.1f |",
                                    profile.name(),
                                    profile.trips(),
                                    profile.samples(),
                                    parallelism,
                                    Medians.of(job),
                                    Medians.of(job) * profile.samples(),
                                    Medians.of(ceiling),
                                    Medians.of(ratio),
                                    Medians.of(cpu)));
                }
            }
        }
        System.out.println();
        System.out.println(
                "| Profile | Parallelism | Job trips/s | Job samples/s | Read ceiling trips/s | Job / ceiling"
                        + " | Decode+score only trips/s |");
        System.out.println("|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
        if (FLOORS) {
            System.out.println();
            System.out.println(
                    "| Profile | Parallelism | Read ceiling trips/s | Source only trips/s | Source only / ceiling"
                            + " | Job without writes trips/s | Without writes / ceiling | Job / ceiling |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            floorTable.forEach(System.out::println);
        }
        if (ServiceCpu.servicesVisible()) {
            System.out.println();
            System.out.printf(
                    "CPU ms per trip, medians (%d cores; PostgreSQL and RabbitMQ on this host,"
                            + " JVM = this process: the read client, or Flink and the job)%n",
                    cores);
            System.out.println(
                    "| Profile | Parallelism | Ceiling PostgreSQL | Ceiling JVM | Job PostgreSQL"
                            + " | Job RabbitMQ | Job JVM | Cores / job PostgreSQL, trips/s"
                            + " | That / ceiling |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            cpuTable.forEach(System.out::println);
        }
        System.exit(0);
    }

    private static Result run(
            HikariDataSource db, List<UUID> ids, int parallelism, Map<String, String> overrides)
            throws Exception {
        BenchTrips.reset(db);
        int lookupPoolSize =
                options("unused", parallelism, 1, overrides).get(LookupOptions.POOL_SIZE);
        List<byte[]> blobs = Collections.synchronizedList(new ArrayList<>());
        Timed ceiling = readCeiling(db, ids, parallelism * lookupPoolSize, blobs);
        double cpu = decodeAndScore(blobs, parallelism);
        blobs.clear();
        int expectedRate = (int) Math.ceil(2 * ceiling.tripsPerS());
        Function<String, JobOptions> options =
                queue -> options(queue, parallelism, expectedRate, overrides);
        Timed job = onFreshQueue(ids, options, (o, trips) -> timeJob(db, ids, o));
        if (!FLOORS) {
            return new Result(job, ceiling, cpu, Double.NaN, Double.NaN);
        }
        double sourceOnly = onFreshQueue(ids, options, StageFloors::sourceOnly);
        BenchTrips.reset(db); // PENDING again: the lookup claims as in the job
        double withoutWrites = onFreshQueue(ids, options, StageFloors::withoutWrites);
        return new Result(job, ceiling, cpu, sourceOnly, withoutWrites);
    }

    /** Trips/s of the whole job on the real services, from the first claim to the last score. */
    private static Timed timeJob(HikariDataSource db, List<UUID> ids, JobOptions options)
            throws Exception {
        StreamExecutionEnvironment env =
                BenchCluster.environment(options.get(RuntimeOptions.PARALLELISM));
        JobClient client =
                new TripScoringJob(
                                new RabbitTripIdSource(options),
                                new JdbcResultSinks(options),
                                Scorers.defaultScorer(),
                                options)
                        .start(env);
        try {
            // Polled every 20 ms, so the polls must be cheap: counting trip_logs rows scans the
            // whole table (S rows hold their blobs inline) and took CPU from the job measured.
            // The first ids published are the first claimed; a trip's score row and its
            // COMPLETED are written by one statement, and driver_scores rows are narrow.
            UUID[] first = ids.subList(0, Math.min(64, ids.size())).toArray(UUID[]::new);
            long start =
                    waitFor(
                            db,
                            "SELECT count(*) FROM telemetry.trip_logs WHERE id = ANY(?)"
                                    + " AND status <> 'PENDING'",
                            first,
                            1);
            ServiceCpu atStart = ServiceCpu.now();
            long end =
                    waitFor(db, "SELECT count(*) FROM telemetry.driver_scores", null, ids.size());
            ServiceCpu used = ServiceCpu.now().since(atStart);
            long completed;
            try (Connection c = db.getConnection()) {
                completed =
                        count(
                                c,
                                "SELECT count(*) FROM telemetry.trip_logs WHERE status = 'COMPLETED'",
                                null);
            }
            if (completed != ids.size()) {
                throw new IllegalStateException(
                        completed + " of " + ids.size() + " trips COMPLETED after the run");
            }
            return new Timed(ids.size() / ((end - start) / 1e9), used);
        } finally {
            client.cancel().get();
        }
    }

    /** Runs {@code stage} on a queue of its own holding every id, deleted afterwards. */
    private static <T> T onFreshQueue(
            List<UUID> ids, Function<String, JobOptions> options, Stage<T> stage) throws Exception {
        String queue = "fleetflow_bench_" + UUID.randomUUID().toString().substring(0, 8);
        declare(queue);
        try {
            BenchTrips.publish(TestServices.amqpUri(), queue, ids);
            return stage.run(options.apply(queue), ids.size());
        } finally {
            TestChannels.withChannel(ch -> ch.queueDelete(queue));
        }
    }

    @FunctionalInterface
    private interface Stage<T> {
        T run(JobOptions options, int trips) throws Exception;
    }

    /** The median of the per-run ratios a[i] / b[i]. */
    private static double medianRatio(List<Double> a, List<Double> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(a.get(i) / b.get(i));
        }
        return Medians.of(ratios);
    }

    /** The job's options: the benchmark's own, then the command line's. */
    private static JobOptions options(
            String queue, int parallelism, int expectedRate, Map<String, String> overrides) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("amqp-uri", TestServices.amqpUri());
        args.put("queue", queue);
        args.put("amqp-connection-name", queue);
        args.put("jdbc-url", TestServices.dbUrl());
        args.put("jdbc-user", TestServices.dbUser());
        if (!TestServices.dbPassword().isEmpty()) {
            args.put("jdbc-password", TestServices.dbPassword());
        }
        args.put("parallelism", Integer.toString(parallelism));
        args.put("expected-rate", Integer.toString(expectedRate));
        args.putAll(overrides);
        List<String> list = new ArrayList<>();
        args.forEach(
                (k, v) -> {
                    list.add("--" + k);
                    list.add(v);
                });
        return JobOptions.fromArgs(list.toArray(String[]::new));
    }

    /** Trips/s reading every blob by id, as the lookup does, with {@code threads} connections. */
    static Timed readCeiling(HikariDataSource db, List<UUID> ids, int threads, List<byte[]> blobs)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ServiceCpu atStart = ServiceCpu.now();
        long t = System.nanoTime();
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(
                        pool.submit(
                                () -> {
                                    long bytes = 0;
                                    try (Connection c = TestServicesConnections.open();
                                            PreparedStatement ps =
                                                    c.prepareStatement(
                                                            "SELECT t.driver_id::text, t.vehicle_id::text, t.started_at,"
                                                                    + " (SELECT "
                                                                    + SamplePartitions.STORED_BLOB
                                                                    + " FROM telemetry.trip_samples s"
                                                                    + " WHERE s.trip_id = t.id AND s.received_at = t.received_at)"
                                                                    + " FROM telemetry.trip_logs t WHERE t.id = ?")) {
                                        int k;
                                        while ((k = next.getAndIncrement()) < ids.size()) {
                                            ps.setObject(1, ids.get(k));
                                            try (ResultSet rs = ps.executeQuery()) {
                                                rs.next();
                                                byte[] blob =
                                                        rs.getBytes(4); // as the lookup reads it
                                                bytes += blob.length;
                                                blobs.add(blob);
                                            }
                                        }
                                    }
                                    return bytes;
                                }));
            }
            for (Future<Long> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - t;
        return new Timed(ids.size() / (elapsed / 1e9), ServiceCpu.now().since(atStart));
    }

    /**
     * Trips/s decoding and scoring already-read blobs on {@code threads} threads: the job's CPU
     * work without any I/O, for comparison.
     */
    private static double decodeAndScore(List<byte[]> blobs, int threads) throws Exception {
        TripScorer scorer = Scorers.defaultScorer();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(
                        pool.submit(
                                () -> {
                                    int events = 0;
                                    int k;
                                    while ((k = next.getAndIncrement()) < blobs.size()) {
                                        events +=
                                                scorer.score(TripBlobCodec.decode(blobs.get(k)))
                                                        .events()
                                                        .size();
                                    }
                                    return events;
                                }));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return blobs.size() / ((System.nanoTime() - t) / 1e9);
    }

    /** {@code -Dbench.trace=true} prints every progress poll: where a run spends its time. */
    private static final boolean TRACE = Boolean.getBoolean("bench.trace");

    private static void trace(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT count(*) FILTER (WHERE status <> 'PENDING'),"
                                        + " count(*) FILTER (WHERE status = 'COMPLETED')"
                                        + " FROM telemetry.trip_logs")) {
            rs.next();
            System.out.printf(
                    "  %d ms: %d claimed, %d completed%n",
                    System.currentTimeMillis() % 100_000, rs.getLong(1), rs.getLong(2));
        }
    }

    /** Polls {@code countSql} (with {@code ids} as its one parameter, if given) every 20 ms. */
    private static long waitFor(HikariDataSource db, String countSql, UUID[] ids, long atLeast)
            throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = db.getConnection()) {
                long count = count(c, countSql, ids);
                if (TRACE) {
                    trace(c);
                }
                if (count >= atLeast) {
                    return System.nanoTime();
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("timed out waiting for " + countSql + " >= " + atLeast);
    }

    /** The count {@code countSql} returns, with {@code ids} as its one parameter if given. */
    private static long count(Connection c, String countSql, UUID[] ids) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(countSql)) {
            if (ids != null) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void truncate(HikariDataSource db) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE telemetry.trip_logs, telemetry.driver_stats CASCADE");
        }
    }

    private static void declare(String queue) throws Exception {
        TestChannels.withChannel(ch -> TestChannels.declareQueue(ch, queue));
    }

    private static Profile profile(String name) {
        return switch (name) {
            case "S" -> new Profile("S", 2_000, 100);
            case "M" -> new Profile("M", 300, 3_600);
            case "L" -> new Profile("L", 20, 100_000);
            default -> {
                // TRIPSxSAMPLES, e.g. 40000x100: a longer run of one shape, for profiling
                String[] parts = name.split("x");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("profile S, M, L or TRIPSxSAMPLES: " + name);
                }
                yield new Profile(name, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        };
    }

    /** Plain JDBC connections (no pool), like a client reading blobs. */
    private static final class TestServicesConnections {
        static Connection open() throws Exception {
            return java.sql.DriverManager.getConnection(
                    TestServices.dbUrl(), TestServices.dbUser(), TestServices.dbPassword());
        }
    }
}
