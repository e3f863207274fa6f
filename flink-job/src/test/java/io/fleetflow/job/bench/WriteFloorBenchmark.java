package io.fleetflow.job.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.model.schema.SchemaInitializer;
import io.fleetflow.testing.Medians;
import io.fleetflow.testing.ServiceCpu;
import io.fleetflow.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What PostgreSQL spends per trip on each write the job makes, one at a time, next to the read the
 * job's throughput is compared with ({@link JobThroughputBenchmark}'s read ceiling), in one run on
 * the same stored trips. Each write is the least form of its kind — batched like the job's sinks,
 * none of the job's other columns, joins or checks — so together they are a floor under any design
 * that still claims a trip, stores its score and marks it finished exactly once. Not a test.
 * Arguments: {@code TRIPS SAMPLES RUNS [BATCH]}. Uses FLEETFLOW_DB_URL (its trip tables are
 * truncated!).
 */
public final class WriteFloorBenchmark {

    /** Connections writing at once, each its own batches; the job's sinks at parallelism 2. */
    private static final int WRITERS = 2;

    /** Threads of the read, as the job's lookup pool at parallelism 1. */
    private static final int READERS = 4;

    private record Trip(UUID id, UUID driverId, UUID vehicleId, java.sql.Timestamp startedAt) {}

    private interface BatchWrite {
        void write(Connection c, List<Trip> batch) throws Exception;
    }

    private WriteFloorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int trips = Integer.parseInt(args[0]);
        int samples = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Map<String, List<Double>> rate = new LinkedHashMap<>();
        Map<String, List<Double>> postgresMs = new LinkedHashMap<>();
        try (HikariDataSource db = TestServices.dataSource()) {
            SchemaInitializer.apply(db);
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("TRUNCATE telemetry.trip_logs, telemetry.driver_stats CASCADE");
            }
            List<UUID> ids = BenchTrips.store(db, trips, samples);
            List<Trip> stored = load(db, ids);
            System.out.printf(
                    "stored %d trips x %d samples; batches of %d%n", trips, samples, batch);
            for (int run = 0; run <= runs; run++) { // run 0 warms up
                Map<String, double[]> figures = new LinkedHashMap<>();
                JobThroughputBenchmark.Timed read =
                        JobThroughputBenchmark.readCeiling(
                                db, ids, READERS, Collections.synchronizedList(new ArrayList<>()));
                figures.put(
                        "read by id (the read ceiling)",
                        new double[] {read.tripsPerS(), read.cpu().postgresMsPer(trips)});
                figures.put(
                        "claim: status PROCESSING (a HOT update), nothing read",
                        timed(db, stored, batch, WriteFloorBenchmark::claim));
                figures.put(
                        "score row alone: no triggers, no foreign-key check",
                        timed(db, stored, batch, (c, b) -> insertScores(c, b, false)));
                truncateScores(db);
                figures.put(
                        "score row with its daily-aggregate triggers and foreign-key check",
                        timed(db, stored, batch, (c, b) -> insertScores(c, b, true)));
                figures.put(
                        "completion: COMPLETED and completed_at (not HOT: indexed columns)",
                        timed(db, stored, batch, WriteFloorBenchmark::complete));
                truncateScores(db);
                BenchTrips.reset(db);
                for (Map.Entry<String, double[]> f : figures.entrySet()) {
                    System.out.printf(
                            Locale.ROOT,
                            "run %d: %-70s %10.1f trips/s, PostgreSQL %.4f ms/trip%n",
                            run,
                            f.getKey(),
                            f.getValue()[0],
                            f.getValue()[1]);
                    if (run > 0) {
                        rate.computeIfAbsent(f.getKey(), k -> new ArrayList<>())
                                .add(f.getValue()[0]);
                        postgresMs
                                .computeIfAbsent(f.getKey(), k -> new ArrayList<>())
                                .add(f.getValue()[1]);
                    }
                }
            }
        }
        double readMs = Medians.of(postgresMs.values().iterator().next());
        System.out.printf(
                "%n| Step (medians of %d runs) | trips/s | PostgreSQL ms/trip | × the read |%n",
                runs);
        System.out.println("|---|---|---|---|");
        for (String step : rate.keySet()) {
            double ms = Medians.of(postgresMs.get(step));
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.0f | %.4f | %.2f |%n",
                    step,
                    Medians.of(rate.get(step)),
                    ms,
                    ms / readMs);
        }
    }

    /** Trips/s and PostgreSQL ms per trip of one write over all trips, {@link #WRITERS} at once. */
    private static double[] timed(
            HikariDataSource db, List<Trip> trips, int batchSize, BatchWrite write)
            throws Exception {
        List<List<Trip>> batches = new ArrayList<>();
        for (int i = 0; i < trips.size(); i += batchSize) {
            batches.add(trips.subList(i, Math.min(trips.size(), i + batchSize)));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        ServiceCpu atStart = ServiceCpu.now();
        long t = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                done.add(
                        pool.submit(
                                () -> {
                                    try (Connection c = db.getConnection()) {
                                        int k;
                                        while ((k = next.getAndIncrement()) < batches.size()) {
                                            write.write(c, batches.get(k));
                                        }
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        ServiceCpu used = ServiceCpu.now().since(atStart);
        return new double[] {trips.size() / seconds, used.postgresMsPer(trips.size())};
    }

    private static void claim(Connection c, List<Trip> batch) throws Exception {
        updateTrips(c, batch, "status = 'PROCESSING', updated_at = now()");
    }

    private static void complete(Connection c, List<Trip> batch) throws Exception {
        updateTrips(c, batch, "status = 'COMPLETED', completed_at = now(), updated_at = now()");
    }

    /** One UPDATE of the batch's trip rows by id. */
    private static void updateTrips(Connection c, List<Trip> batch, String set) throws Exception {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE telemetry.trip_logs SET " + set + " WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", column(batch, Trip::id)));
            ps.executeUpdate();
        }
    }

    private static void insertScores(Connection c, List<Trip> batch, boolean withTriggers)
            throws Exception {
        try (Statement s = c.createStatement()) {
            // "replica" skips triggers, the foreign-key checks among them
            s.execute("SET session_replication_role = " + (withTriggers ? "origin" : "replica"));
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO telemetry.driver_scores (trip_id, driver_id, vehicle_id,"
                                + " started_at, safety_score, harsh_braking_count,"
                                + " rapid_accel_count, scoring_version)"
                                + " SELECT id, driver_id, vehicle_id, started_at, 90, 0, 0, 'floor'"
                                + " FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[])"
                                + " AS r(id, driver_id, vehicle_id, started_at)")) {
            ps.setArray(1, c.createArrayOf("uuid", column(batch, Trip::id)));
            ps.setArray(2, c.createArrayOf("uuid", column(batch, Trip::driverId)));
            ps.setArray(3, c.createArrayOf("uuid", column(batch, Trip::vehicleId)));
            ps.setArray(4, c.createArrayOf("timestamptz", column(batch, Trip::startedAt)));
            ps.executeUpdate();
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = origin");
            }
        }
    }

    private static Object[] column(List<Trip> batch, java.util.function.Function<Trip, ?> f) {
        return batch.stream().map(f).toArray();
    }

    private static void truncateScores(HikariDataSource db) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE telemetry.driver_scores CASCADE");
            s.execute("VACUUM ANALYZE telemetry.driver_scores");
        }
    }

    private static List<Trip> load(HikariDataSource db, List<UUID> ids) throws Exception {
        List<Trip> trips = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT id, driver_id, vehicle_id, started_at"
                                        + " FROM telemetry.trip_logs WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    trips.add(
                            new Trip(
                                    rs.getObject(1, UUID.class),
                                    rs.getObject(2, UUID.class),
                                    rs.getObject(3, UUID.class),
                                    rs.getTimestamp(4)));
                }
            }
        }
        Map<UUID, Trip> byId = new java.util.HashMap<>();
        trips.forEach(t -> byId.put(t.id(), t));
        return ids.stream().map(byId::get).toList(); // in the order published, as the job gets them
    }
}
